package org.peersupport.referral.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where "Refer a colleague" leads. Until online referral opens, it tells the physician how to
 * reach the program and what to do if someone is in danger now.
 */
@Controller
class ReferralController {

    @GetMapping("/referrals/new")
    String newReferral() {
        return "referral/new";
    }
}
