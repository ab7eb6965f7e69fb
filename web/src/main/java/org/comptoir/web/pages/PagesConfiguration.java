package org.comptoir.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the screens: French unless the visitor chose English with {@code ?lang=en}, a
 * choice remembered in a cookie. Only French and English exist; anything else means French.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {
    static final String LANGUAGE_PARAMETER = "lang";
    static final String LANGUAGE_COOKIE = "comptoir-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageCookie();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return supported(value);
            }
        };
        change.setParamName(LANGUAGE_PARAMETER);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }

    /** French or English: the language a tag asks for, French when it asks for another one. */
    static Locale supported(String tag) {
        return tag != null && tag.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }

    private static final class LanguageCookie extends CookieLocaleResolver {
        LanguageCookie() {
            super(LANGUAGE_COOKIE);
            setDefaultLocaleFunction(request -> Locale.FRENCH);
            setCookieMaxAge(Duration.ofDays(365));
            setCookieHttpOnly(true);
            setCookieSameSite("Lax");
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            return supported(value);
        }

        @Override
        public void setLocaleContext(
                HttpServletRequest request, HttpServletResponse response, LocaleContext localeContext) {
            var locale = localeContext == null ? null : localeContext.getLocale();
            super.setLocaleContext(
                    request,
                    response,
                    locale == null ? null : new SimpleLocaleContext(supported(locale.toLanguageTag())));
        }
    }
}
