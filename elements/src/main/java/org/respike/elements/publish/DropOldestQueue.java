package org.respike.elements.publish;

import java.util.ArrayDeque;

/**
 * A bounded queue between producers that must never wait and one consumer that may. When full, an
 * offer drops the oldest element that the consumer is not sending; the consumer takes the head only
 * "in flight" and removes it once delivered, so a failed send keeps it first in line. Closing wakes the
 * consumer; it then drains what is left (or stops at once when abandoned).
 */
final class DropOldestQueue<T> {

    private final int capacity;
    private final ArrayDeque<T> items;
    private boolean headInFlight;
    private boolean closing;
    private boolean abandoned;

    DropOldestQueue(int capacity) {
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    /** Adds {@code item}; returns false when an element (an old one, or with capacity 1 this one) was dropped. */
    synchronized boolean offer(T item) {
        boolean kept = true;
        if (items.size() == capacity) {
            kept = false;
            if (!headInFlight) {
                items.removeFirst();
            } else if (capacity > 1) {
                T head = items.removeFirst();
                items.removeFirst();
                items.addFirst(head);
            } else {
                return false;
            }
        }
        items.addLast(item);
        notifyAll();
        return kept;
    }

    /** Waits for an element; false when the queue is closing and empty, or abandoned. */
    synchronized boolean awaitNonEmpty() throws InterruptedException {
        while (items.isEmpty() && !closing && !abandoned) {
            wait();
        }
        return !abandoned && !items.isEmpty();
    }

    /** The head, now in flight; the queue must not be empty. */
    synchronized T takeHead() {
        headInFlight = true;
        return items.getFirst();
    }

    /** The in-flight head is done with (delivered or refused for good). */
    synchronized void removeHead() {
        items.removeFirst();
        headInFlight = false;
    }

    /** The in-flight head goes back to being first in line. */
    synchronized void releaseHead() {
        headInFlight = false;
    }

    /** Waits {@code nanos}, or less when the queue closes meanwhile. */
    synchronized void pause(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        boolean wasClosing = closing;
        for (long left = nanos; left > 0 && closing == wasClosing && !abandoned; left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void close() {
        closing = true;
        notifyAll();
    }

    /** Stops the consumer: what is left will not be sent. Returns how many that is. */
    synchronized int abandon() {
        abandoned = true;
        notifyAll();
        return items.size();
    }

    synchronized int size() {
        return items.size();
    }
}
