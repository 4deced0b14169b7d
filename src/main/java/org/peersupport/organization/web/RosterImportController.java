package org.peersupport.organization.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.peersupport.organization.RosterImportPreview;
import org.peersupport.organization.RosterImportService;
import org.peersupport.organization.domain.RosterFile;
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

/** Administrators upload a roster CSV, read the preview, and confirm the import. */
@Controller
@RequestMapping("/admin/roster/import")
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

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
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
        RosterImportPreview preview = imports.upload(file.getOriginalFilename(), file.getBytes());
        if (preview.uploadId() == null) {
            model.addAttribute("uploadError", "import.error.notCsv");
            return uploadPage(model);
        }
        model.addAttribute("preview", preview);
        return "roster/import-preview";
    }

    @PostMapping("/{uploadId}")
    String confirm(@PathVariable UUID uploadId, Model model, RedirectAttributes redirect) {
        RosterImportPreview result = imports.importUpload(uploadId);
        if (!result.importable()) {
            model.addAttribute("preview", result);
            return "roster/import-preview";
        }
        redirect.addFlashAttribute("flash", "import.done");
        // Only the counts: flash attributes travel in the session, which is stored in the database.
        redirect.addFlashAttribute("imported", new Imported(result.newCount(), result.updateCount()));
        return "redirect:/roster";
    }

    private String uploadPage(Model model) {
        model.addAttribute("required", RosterFile.REQUIRED);
        model.addAttribute("optional", RosterFile.OPTIONAL);
        model.addAttribute("maxMegabytes", MAX_FILE.toMegabytes());
        return "roster/import";
    }

    /** The counts shown after an import. */
    record Imported(int newCount, int updateCount) implements java.io.Serializable {
    }
}
