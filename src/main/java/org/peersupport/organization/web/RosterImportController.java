package org.peersupport.organization.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.peersupport.shared.HospitalScoped;
import org.peersupport.organization.RosterImportPreview;
import org.peersupport.organization.RosterImportService;
import org.peersupport.organization.domain.RosterFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators (for their hospitals) and administrators (for every hospital) upload a roster CSV,
 * read the preview of every row, and confirm the import. A row of a hospital outside the caller's
 * scope, or one that would change another hospital's physician, is a problem with its row number;
 * nothing is then imported. Physicians and supporters get a 403.
 */
@Controller
@RequestMapping("/roster/import")
class RosterImportController {

    /** Smaller than the multipart limit, so a too-large file still reaches us and gets a message. */
    static final DataSize MAX_FILE = DataSize.ofMegabytes(5);

    private final RosterImportService imports;

    RosterImportController(RosterImportService imports) {
        this.imports = imports;
    }

    @GetMapping
    String form(Model model) {
        return uploadPage(model);
    }

    /**
     * Where UploadSizeFilter sends an oversized upload. Matched on the parameter's presence: its
     * value is empty, which the global binder turns into null for a {@code @RequestParam String}.
     */
    @GetMapping(params = "tooLarge")
    String tooLarge(Model model) {
        model.addAttribute("uploadError", "import.error.tooLarge");
        return uploadPage(model);
    }

    /** A file to start from: the header row and one example row. */
    @GetMapping("/template.csv")
    void template(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"roster-template.csv\"");
        String header = String.join(",", RosterFile.REQUIRED) + "," + String.join(",", RosterFile.OPTIONAL);
        response.getOutputStream().write(("\uFEFF" + header + "\r\n"
                + "Alex Example,alex.example@hospital.org,Northbay Medical Center,Cardiology,555-0100,Cardiology,"
                + "EARLY_CAREER,true\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping
    String upload(@AuthenticationPrincipal HospitalScoped user,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "import.error.noFile");
            return uploadPage(model);
        }
        if (file.getSize() > MAX_FILE.toBytes()) {
            model.addAttribute("uploadError", "import.error.tooLarge");
            return uploadPage(model);
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            model.addAttribute("uploadError", "import.error.notCsv");
            return uploadPage(model);
        }
        RosterImportPreview preview = imports.upload(file.getOriginalFilename(), file.getBytes(), user.hospitalScope());
        if (preview.uploadId() == null) {
            model.addAttribute("uploadError", "import.error.notCsv");
            return uploadPage(model);
        }
        model.addAttribute("preview", preview);
        return "roster/import-preview";
    }

    /** Another page of the preview. */
    @GetMapping("/{uploadId}")
    String preview(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID uploadId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("preview", imports.preview(uploadId, user.hospitalScope(), Math.max(0, page)));
        return "roster/import-preview";
    }

    @PostMapping("/{uploadId}")
    String confirm(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID uploadId,
            @RequestParam(defaultValue = "false") boolean deactivateMissing, Model model,
            RedirectAttributes redirect) {
        RosterImportPreview result = imports.importUpload(uploadId, user.hospitalScope(), deactivateMissing);
        if (!result.importable()) {
            model.addAttribute("preview", result);
            return "roster/import-preview";
        }
        redirect.addFlashAttribute("flash", "import.done");
        // Only the counts: flash attributes travel in the session, which is stored in the database.
        redirect.addFlashAttribute("imported", new Imported(result.newCount(), result.changeCount(),
                deactivateMissing ? result.missingCount() : 0));
        return "redirect:/roster";
    }

    private String uploadPage(Model model) {
        model.addAttribute("required", RosterFile.REQUIRED);
        model.addAttribute("optional", RosterFile.OPTIONAL);
        model.addAttribute("maxMegabytes", MAX_FILE.toMegabytes());
        return "roster/import";
    }

    /** The counts shown after an import. */
    record Imported(int newCount, int updateCount, int deactivatedCount) implements java.io.Serializable {
    }
}
