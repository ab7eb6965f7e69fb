package org.comptoir.web.pages;

import java.time.Clock;
import java.util.Locale;
import org.comptoir.catalog.ingest.HarvestWithdrawals;
import org.comptoir.catalog.ingest.WithdrawalAlreadyDecidedException;
import org.comptoir.catalog.ingest.WithdrawalHoldNotFoundException;
import org.comptoir.connectors.HarvestRunNotFoundException;
import org.comptoir.connectors.RunFinishedException;
import org.comptoir.connectors.harvest.HarvestEngine;
import org.comptoir.connectors.harvest.HarvestRun;
import org.comptoir.connectors.harvest.RunStatus;
import org.comptoir.connectors.source.Sources;
import org.comptoir.web.security.Viewers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of one harvest run, which follows it while it goes (the page reloads itself; with
 * JavaScript only its progress is fetched again), lets a person cancel it, and, when it held back
 * a withdrawal too large for one run, confirm or dismiss that withdrawal.
 */
@Controller
class HarvestRunScreenController {
    private static final String RUN = "/harvests/{id:[0-9a-f-]{36}}";

    private final HarvestEngine engine;
    private final Sources sources;
    private final HarvestWithdrawals withdrawals;
    private final Clock clock;

    HarvestRunScreenController(HarvestEngine engine, Sources sources, HarvestWithdrawals withdrawals, Clock clock) {
        this.engine = engine;
        this.sources = sources;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    @GetMapping(RUN)
    String run(@PathVariable String id, Model model, Locale locale) {
        var run = found(id);
        model.addAttribute("run", HarvestViews.run(run, locale, clock.instant()));
        model.addAttribute("source", sources.find(run.sourceId()).orElse(null));
        if (run.status() == RunStatus.TO_CONFIRM) {
            var hold = withdrawals.hold(id).orElse(null);
            model.addAttribute("hold", hold);
            model.addAttribute("decidedAt", hold == null ? null : HarvestViews.time(hold.decidedAt(), locale));
        }
        return "harvest-run";
    }

    @PostMapping(RUN + "/cancel")
    String cancel(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
        found(id);
        try {
            engine.cancel(id, Viewers.name(user));
            redirect.addFlashAttribute("notice", "run.cancelAsked");
        } catch (RunFinishedException e) {
            redirect.addFlashAttribute("notice", "run.alreadyFinished");
        }
        return "redirect:/harvests/" + id;
    }

    @PostMapping(RUN + "/withdrawals/confirm")
    String confirm(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
        found(id);
        try {
            withdrawals.confirm(id, Viewers.name(user));
            redirect.addFlashAttribute("notice", "hold.confirmed");
        } catch (WithdrawalAlreadyDecidedException e) {
            redirect.addFlashAttribute("notice", "hold.alreadyDecided");
        }
        return "redirect:/harvests/" + id;
    }

    @PostMapping(RUN + "/withdrawals/dismiss")
    String dismiss(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
        found(id);
        try {
            withdrawals.dismiss(id, Viewers.name(user));
            redirect.addFlashAttribute("notice", "hold.dismissed");
        } catch (WithdrawalAlreadyDecidedException e) {
            redirect.addFlashAttribute("notice", "hold.alreadyDecided");
        }
        return "redirect:/harvests/" + id;
    }

    @ExceptionHandler({HarvestRunNotFoundException.class, WithdrawalHoldNotFoundException.class})
    ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }

    private HarvestRun found(String id) {
        return engine.run(id).orElseThrow(() -> new HarvestRunNotFoundException(id));
    }
}
