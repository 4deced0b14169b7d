package org.peersupport.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.peersupport.shared.AccountNames;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class AccountNameDirectory implements AccountNames {

    private final NamedParameterJdbcTemplate jdbc;

    AccountNameDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> namesOf(Collection<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.query("select id, display_name from account where id in (:ids)",
                    new MapSqlParameterSource("ids", accountIds), row -> {
                        names.put(row.getLong(1), row.getString(2));
                    });
        }
        return names;
    }
}
