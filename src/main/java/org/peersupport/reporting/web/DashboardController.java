package org.peersupport.reporting.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.reporting.Dashboard;
import org.peersupport.reporting.DashboardFilter;
import org.peersupport.reporting.DashboardService;
import org.peersupport.reporting.SurveyMeasure;
import org.peersupport.shared.NotFoundException;
import org.peersupport.web.CsvCells;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The program dashboard, its study table and its CSV exports, for coordinators (their hospitals)
 * and administrators (the whole program). Every export is one of the page's tables: counts and
 * shares, never a person.
 */
@Controller
@RequestMapping("/reports")
class DashboardController {

    /** Up to this many hospitals, the department filter lists all their departments at once. */
    static final int ALL_DEPARTMENTS_UP_TO = 10;

    private final DashboardService dashboards;

    private final OrganizationService organization;

    private final MessageSource messages;

    private final HospitalCalendar calendar;

    DashboardController(DashboardService dashboards, OrganizationService organization, MessageSource messages,
            HospitalCalendar calendar) {
        this.dashboards = dashboards;
        this.organization = organization;
        this.messages = messages;
        this.calendar = calendar;
    }

    @GetMapping
    String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long hospitalId,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        // A period that is no period is refused by its fields, as typed; the figures stay those of
        // the default period, which the page names, rather than of a period nobody asked for.
        Map<String, String> errors = monthErrors(from, to);
        if (errors.isEmpty()) {
            prepare(user, filter(user, hospitalId, departmentId, from, to), model);
        }
        else {
            prepare(user, filter(user, hospitalId, departmentId, null, null), model);
            model.addAttribute("monthErrors", errors);
            model.addAttribute("typedFrom", from);
            model.addAttribute("typedTo", to);
        }
        model.addAttribute("measures", SurveyMeasure.values());
        return "reporting/dashboard";
    }

    /**
     * What is wrong with a period as typed, by field: a value that is no month of the years the
     * program can hold, an end before the start, or more than {@link DashboardFilter#MAX_MONTHS}
     * months. Empty when the period may be shown as asked; a missing month takes its default.
     */
    static Map<String, String> monthErrors(String from, String to) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        YearMonth first = parsed(from);
        YearMonth last = parsed(to);
        if (from != null && !from.isBlank() && first == null) {
            errors.put("from", "report.error.month");
        }
        if (to != null && !to.isBlank() && last == null) {
            errors.put("to", "report.error.month");
        }
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.put("to", "report.error.toBeforeFrom");
            }
            else if (first.isBefore(last.minusMonths(DashboardFilter.MAX_MONTHS - 1))) {
                errors.put("from", "report.error.tooLong");
            }
        }
        return errors;
    }

    @GetMapping("/study")
    String study(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long hospitalId,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale, Model model) {
        Dashboard dashboard = prepare(user, filter(user, hospitalId, departmentId, from, to), model);
        model.addAttribute("study", new ReportTables(messages, locale).study(dashboard));
        return "reporting/study";
    }

    @GetMapping("/{table}.csv")
    void export(@AuthenticationPrincipal CurrentUser user, @PathVariable String table,
            @RequestParam(required = false) Long hospitalId, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
            HttpServletResponse response) throws IOException {
        if (!ReportTables.NAMES.contains(table)) {
            throw new NotFoundException();
        }
        Dashboard dashboard = dashboards.dashboard(user.hospitalScope(), filter(user, hospitalId, departmentId, from, to));
        ReportTables.Table found = new ReportTables(messages, locale).table(table, dashboard);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"report-" + table + "-"
                + dashboard.filter().from() + "-to-" + dashboard.filter().to() + ".csv\"");
        // Each row says what it covers, so exports of several hospitals or periods can be put together.
        String scope = dashboard.scopeLabel() != null ? dashboard.scopeLabel()
                : messages.getMessage("report.scope.all", null, locale);
        String period = messages.getMessage("report.csv.period", new Object[] {dashboard.filter().from().toString(),
                dashboard.filter().to().toString()}, locale);
        List<String> header = new ArrayList<>(List.of(messages.getMessage("report.csv.scope", null, locale),
                messages.getMessage("report.csv.periodHeader", null, locale)));
        header.addAll(found.header());
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get();
        try (Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, format)) {
            for (List<String> row : found.rows()) {
                List<String> cells = new ArrayList<>(List.of(scope, period));
                cells.addAll(row);
                csv.printRecord(cells.stream().map(CsvCells::neutralise).toList());
            }
        }
    }

    private Dashboard prepare(CurrentUser user, DashboardFilter filter, Model model) {
        Dashboard dashboard = dashboards.dashboard(user.hospitalScope(), filter);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("filter", filter);
        List<HospitalSummary> hospitals = organization.hospitals(user.hospitalScope());
        model.addAttribute("hospitals", hospitals);
        // "Figures as of" in the chosen hospital's time, or else in that of the first of the caller's hospitals.
        model.addAttribute("zone", hospitals.stream().filter(h -> Long.valueOf(h.id()).equals(filter.hospitalId()))
                .findFirst().or(() -> hospitals.stream().findFirst()).map(HospitalSummary::timeZone)
                .orElse(java.time.ZoneOffset.UTC));
        model.addAttribute("departments", departments(user, filter, hospitals.size()));
        model.addAttribute("query", UriComponentsBuilder.newInstance()
                .queryParam("from", filter.from()).queryParam("to", filter.to())
                .queryParamIfPresent("hospitalId", java.util.Optional.ofNullable(filter.hospitalId()))
                .queryParamIfPresent("departmentId", java.util.Optional.ofNullable(filter.departmentId()))
                .build().getQuery());
        return dashboard;
    }

    /**
     * The departments to pick from: the chosen hospital's, or all in scope while there are few
     * hospitals. A national program's thousands of departments wait until a hospital is chosen.
     */
    private List<DepartmentSummary> departments(CurrentUser user, DashboardFilter filter, int hospitals) {
        Long hospitalId = filter.hospitalId();
        if (hospitalId == null && filter.departmentId() != null) {
            hospitalId = organization.department(filter.departmentId()).map(DepartmentSummary::hospitalId)
                    .orElse(null);
        }
        if (hospitalId != null && user.hospitalScope().includes(hospitalId)) {
            return organization.departments(hospitalId);
        }
        return hospitals <= ALL_DEPARTMENTS_UP_TO ? organization.departments(user.hospitalScope()) : List.of();
    }

    /** By default the last twelve months up to this month at the hospital chosen, or at the caller's hospitals. */
    private DashboardFilter filter(CurrentUser user, Long hospitalId, Long departmentId, String from, String to) {
        YearMonth now = hospitalId != null && user.hospitalScope().includes(hospitalId) ? calendar.thisMonth(hospitalId)
                : YearMonth.from(calendar.earliestToday(user.hospitalScope()));
        DashboardFilter defaults = DashboardFilter.lastTwelveMonths(hospitalId, departmentId, now);
        return new DashboardFilter(hospitalId, departmentId, month(from, defaults.from()), month(to, defaults.to()));
    }

    private static YearMonth month(String value, YearMonth fallback) {
        YearMonth month = parsed(value);
        return month == null ? fallback : month;
    }

    /** The month typed, if it is one of the years the program can hold; otherwise null. */
    private static YearMonth parsed(String value) {
        if (value == null || value.isBlank() || value.length() > 20) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            return month.getYear() < 1900 || month.getYear() > 2999 ? null : month;
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }
}
