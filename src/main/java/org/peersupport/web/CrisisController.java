package org.peersupport.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Crisis resources, for anyone, signed in or not. */
@Controller
class CrisisController {

    @GetMapping("/crisis")
    String crisis() {
        return "crisis";
    }
}
