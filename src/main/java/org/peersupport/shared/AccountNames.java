package org.peersupport.shared;

import java.util.Collection;
import java.util.Map;

/** Display names of accounts, for pages of modules that know accounts only by id (the audit log). */
public interface AccountNames {

    /** The names of those accounts that exist; one query, whatever the count. */
    Map<Long, String> namesOf(Collection<Long> accountIds);
}
