package org.peersupport.audit.web;

import org.peersupport.audit.AuditEntry;
import org.peersupport.audit.AuditLog;
import org.peersupport.shared.AccountNames;
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
 * record and when; filtered by person or by record with a click on either.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private final AuditLog audit;

    private final AccountNames names;

    AuditController(AuditLog audit, AccountNames names) {
        this.audit = audit;
        this.names = names;
    }

    @GetMapping
    String log(@RequestParam(required = false) Long accountId, @RequestParam(required = false) String recordId,
            @RequestParam(defaultValue = "0") int page, Model model) {
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
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("accountId", java.util.Optional.ofNullable(accountId))
                .queryParamIfPresent("recordId", java.util.Optional.ofNullable(record))
                .encode().build().toUriString());
        return "audit/log";
    }
}
