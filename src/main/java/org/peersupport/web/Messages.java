package org.peersupport.web;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The app's texts ({@code messages.properties}), each one read through {@link MessageFormat}, so a
 * doubled apostrophe is always one apostrophe whether the text takes arguments or not
 * ({@code MessagesTests}).
 *
 * <p>Spring's {@code alwaysUseMessageFormat} did that by formatting every text with one shared
 * {@code MessageFormat} per text and locale, inside {@code synchronized} on it: the navigation's
 * labels, on every page, then queued every request for the same few locks, and under 32 concurrent
 * requests on two cores the requests spent more time waiting there than rendering. Here a text
 * without arguments is formatted once and kept (at most 20,000 texts and locales); one with
 * arguments is formatted with a copy of the shared format, which nobody else holds.
 *
 * <p>A text whose arguments are all whole numbers ("due in 5 h", "page 2 of 9") is kept too, per
 * text, locale and numbers (at most 20,000): a list of 25 cases asks for the same few dozen, and
 * each one formatted anew parses its choice pattern again. Texts with any other argument (a name,
 * a date) are formatted at every call and never kept, so no name stays in the cache.
 */
@Configuration(proxyBeanMethods = false)
class Messages {

    /** Named so, Spring Boot's own message source steps aside; the settings are those it had. */
    @Bean
    MessageSource messageSource() {
        UnsharedMessageFormats messages = new UnsharedMessageFormats();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static final class UnsharedMessageFormats extends ResourceBundleMessageSource {

        private record Key(String code, Locale locale) {
        }

        private record NumbersKey(String code, Locale locale, List<Object> numbers) {
        }

        private final Cache<Key, Optional<String>> withoutArguments = Caffeine.newBuilder().maximumSize(20_000)
                .build();

        private final Cache<NumbersKey, Optional<String>> withNumbers = Caffeine.newBuilder().maximumSize(20_000)
                .build();

        @Override
        protected String getMessageInternal(String code, Object[] args, Locale locale) {
            if (code == null || args == null || args.length == 0 || !wholeNumbers(args)) {
                return super.getMessageInternal(code, args, locale);
            }
            return withNumbers.get(new NumbersKey(code, locale, List.of(args)),
                    key -> Optional.ofNullable(super.getMessageInternal(code, args, locale))).orElse(null);
        }

        private static boolean wholeNumbers(Object[] args) {
            for (Object arg : args) {
                if (!(arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            return withoutArguments.get(new Key(code, locale), key -> {
                MessageFormat format = resolveCode(key.code(), key.locale());
                return Optional.ofNullable(format == null ? null : format.format(new Object[0]));
            }).orElse(null);
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat shared = super.resolveCode(code, locale);
            return shared == null ? null : (MessageFormat) shared.clone();
        }
    }
}
