package dev.wisim.apiserver.token;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The cluster has no Node objects; a node's uid is derived from its name so that it is stable. */
final class NodeIdentity {

    private NodeIdentity() {
    }

    static String uid(String nodeName) {
        return UUID.nameUUIDFromBytes(("node/" + nodeName).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
