package dev.wisim.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * A service's acknowledged state: entries of JSON by kind and key in one SQLite file, in WAL mode with
 * {@code synchronous=FULL}, so that a write is on disk (the WAL fsynced) before the call returns and a
 * {@code kill -9} loses nothing written, and a half-done transaction is never seen. Without a state
 * directory nothing is written ({@link #ephemeral}): the state lives as long as the process.
 *
 * <p>Writes go through {@link DurableMap}s. {@link #transaction} makes several writes one; its work must
 * check everything before it writes, since the maps in memory are not rolled back with the file.
 */
public final class StateDb implements AutoCloseable {

    private final Connection connection;
    private final ObjectMapper json;
    private final Path file;
    private int transactionDepth;

    private StateDb(Connection connection, ObjectMapper json, Path file) {
        this.connection = connection;
        this.json = json;
        this.file = file;
    }

    public static StateDb open(Path file, ObjectMapper json) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // the driver itself rather than DriverManager, which does not see it from every class loader (Quarkus tests)
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            Connection connection = sqlite.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL,"
                        + " PRIMARY KEY (kind, key))");
            }
            return new StateDb(connection, json, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the state database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state kept in {@code STATE_DIR/file} when a state directory is configured, else only in memory. */
    public static StateDb forService(Optional<Path> stateDir, String file, ObjectMapper json) {
        return stateDir.map(dir -> open(dir.resolve(file), json)).orElseGet(() -> ephemeral(json));
    }

    public static StateDb ephemeral(ObjectMapper json) {
        return new StateDb(null, json, null);
    }

    public boolean persistent() {
        return connection != null;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** A map of {@code kind}, loaded from the file now and written through from then on. */
    public <V> DurableMap<V> map(String kind, Class<V> type, Map<String, V> backing) {
        return map(kind, json.getTypeFactory().constructType(type), backing);
    }

    public <V> DurableMap<V> map(String kind, JavaType type, Map<String, V> backing) {
        for (Map.Entry<String, String> entry : load(kind).entrySet()) {
            try {
                backing.put(entry.getKey(), json.readValue(entry.getValue(), type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the state database's " + kind + " entry " + entry.getKey() + " cannot be read: "
                        + e.getOriginalMessage(), e);
            }
        }
        return new DurableMap<>(this, kind, backing);
    }

    public ObjectMapper json() {
        return json;
    }

    /** Runs {@code work} so that the writes it makes reach the file together or not at all. */
    public void transaction(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #transaction(Runnable)} for work with a result. */
    public synchronized <T> T transaction(Supplier<T> work) {
        if (connection == null || transactionDepth > 0) {
            transactionDepth++;
            try {
                return work.get();
            } finally {
                transactionDepth--;
            }
        }
        try {
            connection.setAutoCommit(false);
            transactionDepth++;
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                transactionDepth--;
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Stores {@code value} as the entry, or removes the entry when it is null. */
    synchronized void write(String kind, String key, Object value) {
        if (connection == null) {
            return;
        }
        try {
            if (value == null) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM entries WHERE kind = ? AND key = ?")) {
                    delete.setString(1, kind);
                    delete.setString(2, key);
                    delete.executeUpdate();
                }
            } else {
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO entries (kind, key, body) VALUES (?, ?, ?)"
                        + " ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body")) {
                    upsert.setString(1, kind);
                    upsert.setString(2, key);
                    upsert.setString(3, json.writeValueAsString(value));
                    upsert.executeUpdate();
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + kind + " " + key + ": " + e.getOriginalMessage(), e);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    synchronized void clear(String kind) {
        if (connection == null) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM entries WHERE kind = ?")) {
            delete.setString(1, kind);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private synchronized Map<String, String> load(String kind) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (connection == null) {
            return entries;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT key, body FROM entries WHERE kind = ? ORDER BY rowid")) {
            select.setString(1, kind);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.put(rows.getString(1), rows.getString(2));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the state database " + file + " failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw failed(e);
            }
        }
    }
}
