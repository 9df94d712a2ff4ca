package dev.wisim.durable;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A map of one kind of a {@link StateDb}: reads come from memory, and every change is written to the
 * file before it is made in memory (through {@code put}, {@code remove}, {@code clear}, an entry's
 * {@code setValue} or an iterator's {@code remove}). A value is stored as a whole: one changed in place
 * must be put again.
 */
public final class DurableMap<V> extends AbstractMap<String, V> {

    private final StateDb db;
    private final String kind;
    private final Map<String, V> backing;

    DurableMap(StateDb db, String kind, Map<String, V> backing) {
        this.db = db;
        this.kind = kind;
        this.backing = backing;
    }

    @Override
    public V get(Object key) {
        return backing.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return backing.containsKey(key);
    }

    @Override
    public int size() {
        return backing.size();
    }

    @Override
    public V put(String key, V value) {
        db.write(kind, key, value);
        return backing.put(key, value);
    }

    @Override
    public V remove(Object key) {
        if (!(key instanceof String name) || !backing.containsKey(name)) {
            return null;
        }
        db.write(kind, name, null);
        return backing.remove(name);
    }

    @Override
    public void clear() {
        db.clear(kind);
        backing.clear();
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                Iterator<Entry<String, V>> entries = backing.entrySet().iterator();
                return new Iterator<>() {
                    private Entry<String, V> current;

                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Entry<String, V> next() {
                        Entry<String, V> entry = entries.next();
                        current = entry;
                        return new SimpleEntry<>(entry.getKey(), entry.getValue()) {
                            @Override
                            public V setValue(V value) {
                                db.write(kind, entry.getKey(), value);
                                super.setValue(value);
                                return entry.setValue(value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        db.write(kind, current.getKey(), null);
                        entries.remove();
                    }
                };
            }

            @Override
            public int size() {
                return backing.size();
            }
        };
    }
}
