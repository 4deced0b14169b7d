package org.peersupport.audit.web;

import org.peersupport.audit.AuditEntry;
import org.peersupport.audit.AuditLog;
import org.peersupport.shared.AccountNames;
import org.peersupport.shared.HospitalZones;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log, for administrators only (by path rule): who acted (by name), what, on which
 * record and when; filtered by person or by record with a click on either. Times are shown in a
 * hospital's zone: the one most of the program's hospitals use, or another hospital zone chosen on
 * the page.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private final AuditLog audit;

    private final AccountNames names;

    private final HospitalZones zones;

    AuditController(AuditLog audit, AccountNames names, HospitalZones zones) {
        this.audit = audit;
        this.names = names;
        this.zones = zones;
    }

    @GetMapping
    String log(@RequestParam(required = false) Long accountId, @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String zone, @RequestParam(defaultValue = "0") int page,
            Model model) {
        String record = recordId == null ? null : recordId.strip();
        if (record != null && record.length() > 64) {
            record = record.substring(0, 64);
        }
        Page<AuditEntry> entries = audit.search(accountId, record,
                PageRequest.of(Math.max(0, Math.min(page, 100_000)), 50));
        model.addAttribute("entries", entries);
        model.addAttribute("names", names.namesOf(entries.map(AuditEntry::accountId).toSet()));
        model.addAttribute("accountId", accountId);
        model.addAttribute("recordId", record);
        List<ZoneId> hospitalZones = hospitalZones();
        ZoneId shown = hospitalZones.stream().filter(z -> z.getId().equals(zone)).findFirst()
                .orElse(hospitalZones.get(0));
        model.addAttribute("zones", hospitalZones);
        model.addAttribute("zone", shown);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("accountId", java.util.Optional.ofNullable(accountId))
                .queryParamIfPresent("recordId", java.util.Optional.ofNullable(record))
                .queryParamIfPresent("zone", java.util.Optional.ofNullable(zone).filter(shown.getId()::equals))
                .encode().build().toUriString());
        return "audit/log";
    }

    /** The program's hospital zones, the most used first; UTC when there is no hospital yet. */
    private List<ZoneId> hospitalZones() {
        Map<ZoneId, Long> counts = zones.allZones().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        if (counts.isEmpty()) {
            return List.of(java.time.ZoneOffset.UTC);
        }
        return counts.keySet().stream()
                .sorted(Comparator.comparing((ZoneId z) -> -counts.get(z)).thenComparing(ZoneId::getId))
                .toList();
    }
}
