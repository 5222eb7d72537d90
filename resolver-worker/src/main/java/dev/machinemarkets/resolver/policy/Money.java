package dev.machinemarkets.resolver.policy;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in a currency; a free service costs zero in any currency. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public boolean isFree() {
        return amount.signum() == 0;
    }
}
