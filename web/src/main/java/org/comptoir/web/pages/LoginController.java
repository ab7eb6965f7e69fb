package org.comptoir.web.pages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form. Spring Security handles what it posts ({@code POST /login}) and the sign-out
 * ({@code POST /logout}); this page only asks.
 */
@Controller
class LoginController {
    private final boolean demo;

    LoginController(@Value("${comptoir.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        return "login";
    }
}
