package org.peersupport.shared;

import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Compares the version a form was read at with the stored one. A mismatch means someone else
 * saved in between; it becomes the 409 "changed by someone else" page, never a lost update.
 */
public final class StaleEdit {

    private StaleEdit() {
    }

    public static void check(long storedVersion, long formVersion, Class<?> type, Object id) {
        if (storedVersion != formVersion) {
            throw new ObjectOptimisticLockingFailureException(type, id);
        }
    }
}
