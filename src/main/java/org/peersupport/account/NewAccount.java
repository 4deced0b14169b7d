package org.peersupport.account;

import java.util.Set;

public record NewAccount(String email, String displayName, String password, Set<Role> roles, Set<Long> hospitalIds,
        Long physicianId) {
}
