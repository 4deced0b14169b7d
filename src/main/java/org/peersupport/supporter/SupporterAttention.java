package org.peersupport.supporter;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The supporters of the scope's hospitals, each beside its hospital's today. */
    private static final String FROM = " from supporter s join unnest(?::bigint[], ?::date[]) as t (hospital_id, today)"
            + " on t.hospital_id = s.hospital_id";

    private final JdbcTemplate jdbc;

    private final OrganizationService organization;

    private final HospitalCalendar calendar;

    SupporterAttention(JdbcTemplate jdbc, OrganizationService organization, HospitalCalendar calendar) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.calendar = calendar;
    }

    /** Supporters whose certification is expiring today, as the supporter list filters them. */
    public long expiringCertifications(HospitalScope scope) {
        Today today = today(scope);
        if (today == null) {
            return 0;
        }
        int months = organization.settings().certificationValidMonths();
        Long expiring = jdbc.queryForObject("select count(*)" + FROM + " where s.certified_on"
                + " + make_interval(months => ?) > t.today and s.certified_on + make_interval(months => ?)"
                + " <= t.today + ?", Long.class, today.ids(), today.days(), months, months,
                CertificationStatus.WARNING_DAYS);
        return expiring == null ? 0 : expiring;
    }

    /**
     * Active departments with fewer active supporters certified today than the program's
     * target, as the coverage page shows them.
     */
    public long uncoveredDepartments(HospitalScope scope) {
        Today today = today(scope);
        if (today == null) {
            return 0;
        }
        ProgramSettingsView settings = organization.settings();
        Map<Long, Long> covered = new HashMap<>();
        jdbc.query("select sd.department_id, count(*)" + FROM
                + " join supporter_department sd on sd.supporter_id = s.id where s.status = 'ACTIVE'"
                + " and s.certified_on <= t.today and t.today < s.certified_on + make_interval(months => ?)"
                + " group by sd.department_id", rs -> {
                    covered.put(rs.getLong(1), rs.getLong(2));
                }, today.ids(), today.days(), settings.certificationValidMonths());
        return organization.departments(scope).stream().filter(DepartmentSummary::active)
                .filter(d -> covered.getOrDefault(d.id(), 0L) < settings.supportersPerDepartment()).count();
    }

    private record Today(Long[] ids, Date[] days) {
    }

    /** Each hospital of the scope with its own today: a certificate runs out on a hospital's calendar. */
    private Today today(HospitalScope scope) {
        List<HospitalSummary> hospitals = organization.hospitals(scope);
        if (hospitals.isEmpty()) {
            return null;
        }
        return new Today(hospitals.stream().map(HospitalSummary::id).toArray(Long[]::new),
                hospitals.stream().map(h -> Date.valueOf(calendar.today(h.timeZone()))).toArray(Date[]::new));
    }
}
