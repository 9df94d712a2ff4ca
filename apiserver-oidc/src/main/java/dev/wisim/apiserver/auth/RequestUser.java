package dev.wisim.apiserver.auth;

import jakarta.enterprise.context.RequestScoped;

/** The current request's user, set by {@link Authentication}. */
@RequestScoped
public class RequestUser {

    private User user = User.ANONYMOUS;

    public User get() {
        return user;
    }

    void set(User value) {
        this.user = value;
    }
}
