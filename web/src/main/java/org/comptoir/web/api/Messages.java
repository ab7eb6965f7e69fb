package org.comptoir.web.api;

import org.springframework.http.converter.HttpMessageNotReadableException;

/** French sentences for validation failures. */
final class Messages {
    private Messages() {}

    static String constraint(String code, Object[] arguments) {
        if (code == null) {
            return "Valeur invalide.";
        }
        return switch (code) {
            case "NotNull", "NotBlank", "NotEmpty" -> "Ce champ est obligatoire.";
            case "Size" -> "Longueur ou nombre d'éléments hors des limites permises" + bounds(arguments) + ".";
            case "Min", "DecimalMin" -> "Valeur trop petite" + bounds(arguments) + ".";
            case "Max", "DecimalMax" -> "Valeur trop grande" + bounds(arguments) + ".";
            case "Pattern" -> "Format invalide.";
            case "Email" -> "Adresse e-mail invalide.";
            default -> "Valeur invalide.";
        };
    }

    private static String bounds(Object[] arguments) {
        if (arguments == null || arguments.length == 0) {
            return "";
        }
        var numbers = java.util.Arrays.stream(arguments)
                .filter(a -> a instanceof Number)
                .map(String::valueOf)
                .toList();
        return numbers.isEmpty() ? "" : " (" + String.join(" – ", numbers) + ")";
    }

    /** The JSON path of the field Jackson could not read, if it says. */
    static String jsonPath(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.databind.DatabindException databind
                    && !databind.getPath().isEmpty()) {
                var path = new StringBuilder();
                for (var reference : databind.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}
