package dev.airalert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A cache of at most {@code size} entries that lets the least recently used go first; safe for
 * any thread. For things worked out once and asked for again while they are recent (an event's
 * body, a rendered stream event).
 */
public final class Lru<K, V> {

    private final Map<K, V> entries;

    public Lru(int size) {
        this.entries = new LinkedHashMap<>(size, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    /** The value, if at hand; null otherwise. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    /** The value, worked out and kept if it is not at hand (under this cache's lock: keep {@code make} short). */
    public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> make) {
        return entries.computeIfAbsent(key, make);
    }
}
