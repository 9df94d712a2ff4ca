package dev.wisim.apiserver.watch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;

/**
 * Where a watch's events go, one JSON object each: a chunked HTTP response (a line each, as
 * kube-apiserver streams them) or a WebSocket (a text message each, as it serves watches to clients
 * that upgrade, fabric8's first choice).
 */
interface WatchOutput {

    void write(String event);

    /** The connection cannot take more now; {@link #onDrain} says when it can. */
    boolean full();

    void onDrain(Runnable then);

    /** When the client goes away. */
    void onClosed(Runnable then);

    void end();

    static WatchOutput of(HttpServerResponse response) {
        return new WatchOutput() {
            @Override
            public void write(String event) {
                response.write(Buffer.buffer(event + "\n"));
            }

            @Override
            public boolean full() {
                return response.writeQueueFull();
            }

            @Override
            public void onDrain(Runnable then) {
                response.drainHandler(v -> then.run());
            }

            @Override
            public void onClosed(Runnable then) {
                response.closeHandler(v -> then.run());
            }

            @Override
            public void end() {
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
            }
        };
    }

    static WatchOutput of(ServerWebSocket socket) {
        return new WatchOutput() {
            @Override
            public void write(String event) {
                socket.writeTextMessage(event + "\n");
            }

            @Override
            public boolean full() {
                return socket.writeQueueFull();
            }

            @Override
            public void onDrain(Runnable then) {
                socket.drainHandler(v -> then.run());
            }

            @Override
            public void onClosed(Runnable then) {
                socket.closeHandler(v -> then.run());
            }

            @Override
            public void end() {
                if (!socket.isClosed()) {
                    socket.close();
                }
            }
        };
    }
}
