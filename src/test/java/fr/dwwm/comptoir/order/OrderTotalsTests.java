package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The amounts and VAT of an order, exact to the cent.
 */
class OrderTotalsTests {

	private static final BigDecimal REDUCED = new BigDecimal("5.50");

	private static final BigDecimal STANDARD = new BigDecimal("20.00");

	@Test
	void aSingleRateCarriesTheGoodsAndTheDeliveryAndItsVatIsRoundedOnce() {
		OrderTotals totals = OrderTotals.of(Map.of(REDUCED, 1380L), 0, 590);
		assertThat(totals.totalCents()).isEqualTo(1970);
		assertThat(totals.vat()).hasSize(1);
		// 1 970 × 5,5 / 105,5 = 102,70… → 103 cents
		assertThat(totals.vat().get(0).vatCents()).isEqualTo(103);
		assertThat(totals.totalNetCents()).isEqualTo(1867);
	}

	@Test
	void deliveryAndDiscountAreSharedBetweenRatesInProportionToTheGoods() {
		// Goods: 30 € at 5.5 %, 10 € at 20 %; 4 € off; 5,90 € delivery.
		OrderTotals totals = OrderTotals.of(Map.of(REDUCED, 3000L, STANDARD, 1000L), 400, 590);
		OrderTotals.RateTotal reduced = totals.vat().get(0);
		OrderTotals.RateTotal standard = totals.vat().get(1);
		assertThat(reduced.rate()).isEqualByComparingTo(REDUCED);
		// Discount 300 / 100, net goods 2 700 / 900, delivery 442,5 / 147,5 → 443 / 147.
		assertThat(reduced.totalCents()).isEqualTo(2700 + 443);
		assertThat(standard.totalCents()).isEqualTo(900 + 147);
		assertThat(reduced.totalCents() + standard.totalCents()).isEqualTo(totals.totalCents()).isEqualTo(4190);
		assertThat(reduced.vatCents()).isEqualTo(164); // 3 143 × 5,5 / 105,5 = 163,85
		assertThat(standard.vatCents()).isEqualTo(175); // 1 047 × 20 / 120 = 174,5
		assertThat(totals.totalVatCents()).isEqualTo(339);
		assertThat(totals.totalNetCents() + totals.totalVatCents()).isEqualTo(totals.totalCents());
	}

	@Test
	void sharesAlwaysAddUpToTheAmountShared() {
		assertThat(OrderTotals.share(100, List.of(1L, 1L, 1L))).containsExactly(34L, 33L, 33L);
		assertThat(OrderTotals.share(1, List.of(500L, 500L))).containsExactly(1L, 0L);
		for (long amount = 0; amount < 500; amount += 7) {
			List<Long> parts = OrderTotals.share(amount, List.of(1234L, 77L, 9999L));
			assertThat(parts.stream().mapToLong(Long::longValue).sum()).isEqualTo(amount);
		}
	}

	@Test
	void aDiscountCoveringAllTheGoodsLeavesTheDeliveryAtTheHighestRate() {
		OrderTotals totals = OrderTotals.of(Map.of(REDUCED, 500L, STANDARD, 500L), 1000, 390);
		assertThat(totals.totalCents()).isEqualTo(390);
		assertThat(totals.vat()).singleElement()
			.satisfies((rate) -> assertThat(rate.rate()).isEqualByComparingTo(STANDARD));
	}

	@Test
	void aDiscountLargerThanTheGoodsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrderTotals.of(Map.of(REDUCED, 500L), 501, 0));
	}

}
