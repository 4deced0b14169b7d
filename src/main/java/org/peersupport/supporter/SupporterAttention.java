package org.peersupport.supporter;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.shared.HospitalScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What needs the coordinators of some hospitals on the supporter side: certifications about to
 * run out, and departments below the coverage target. Counts only, each in one statement over
 * the supporters of those hospitals, with each hospital's own today: the home page asks at every
 * view, and the navigation for the first.
 */
@Service
@Transactional(readOnly = true)
public class SupporterAttention {

    private final JdbcTemplate jdbc;

    private final OrganizationService organization;

    private final HospitalCalendar calendar;

    SupporterAttention(JdbcTemplate jdbc, OrganizationService organization, HospitalCalendar calendar) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.calendar = calendar;
    }

    /**
     * Supporters whose certification is expiring today, as the supporter list filters them: it
     * runs out within {@link CertificationStatus#WARNING_DAYS} days and has not run out yet.
     */
    public long expiringCertifications(HospitalScope scope) {
        int months = organization.settings().certificationValidMonths();
        // Still current today, and no longer current on the last day of the warning.
        Days days = days(scope, today -> CertificationStatus.firstCurrentStart(today, months),
                today -> CertificationStatus.firstCurrentStart(today.plusDays(CertificationStatus.WARNING_DAYS),
                        months).minusDays(1));
        if (days == null) {
            return 0;
        }
        Long expiring = jdbc.queryForObject("select count(*) from supporter s where " + days.sql(), Long.class,
                days.arguments());
        return expiring == null ? 0 : expiring;
    }

    /**
     * Active departments with fewer active supporters certified today than the program's
     * target, as the coverage page shows them.
     */
    public long uncoveredDepartments(HospitalScope scope) {
        ProgramSettingsView settings = organization.settings();
        int months = settings.certificationValidMonths();
        Days days = days(scope, today -> CertificationStatus.firstCurrentStart(today, months), today -> today);
        if (days == null) {
            return 0;
        }
        Map<Long, Long> covered = new HashMap<>();
        jdbc.query("select sd.department_id, count(*) from supporter s join supporter_department sd"
                + " on sd.supporter_id = s.id where s.status = 'ACTIVE' and " + days.sql()
                + " group by sd.department_id", rs -> {
                    covered.put(rs.getLong(1), rs.getLong(2));
                }, days.arguments());
        return organization.departments(scope).stream().filter(DepartmentSummary::active)
                .filter(d -> covered.getOrDefault(d.id(), 0L) < settings.supportersPerDepartment()).count();
    }

    /**
     * The supporters of some hospitals whose certificate began within a range of days of each
     * hospital's own calendar, as SQL over {@code supporter s}: one range test on the date for each
     * day that is today somewhere in the scope (one or two), so the planner knows what it reads.
     */
    private record Days(String sql, Object[] arguments) {
    }

    /** Null when the scope holds no hospital. */
    private Days days(HospitalScope scope, UnaryOperator<LocalDate> first, UnaryOperator<LocalDate> last) {
        Map<LocalDate, List<Long>> hospitalsByToday = new TreeMap<>();
        for (HospitalSummary h : organization.hospitals(scope)) {
            hospitalsByToday.computeIfAbsent(calendar.today(h.timeZone()), d -> new ArrayList<>())
                    .add(h.id());
        }
        if (hospitalsByToday.isEmpty()) {
            return null;
        }
        List<String> ranges = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        hospitalsByToday.forEach((today, ids) -> {
            ranges.add("(s.hospital_id = any (?) and s.certified_on between ? and ?)");
            arguments.add(ids.toArray(Long[]::new));
            arguments.add(Date.valueOf(first.apply(today)));
            arguments.add(Date.valueOf(last.apply(today)));
        });
        return new Days("(" + String.join(" or ", ranges) + ")", arguments.toArray());
    }
}
