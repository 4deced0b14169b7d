package org.peersupport.resource.web;

import org.peersupport.resource.ResourceService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Crisis resources, for anyone, signed in or not: emergency services, 988, and every crisis line. */
@Controller
class CrisisController {

    private final ResourceService resources;

    CrisisController(ResourceService resources) {
        this.resources = resources;
    }

    @GetMapping("/crisis")
    String crisis(Model model) {
        model.addAttribute("crisisLines", resources.allCrisisLines());
        return "crisis";
    }
}
