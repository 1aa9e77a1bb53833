package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How much a refund gives back: goods at the price paid (their share of the discount
 * deducted), the delivery once, a free amount, never beyond the invoice; refunding
 * everything in several steps gives back exactly the invoice.
 */
class RefundCalculationTests {

	private static final BigDecimal FOOD = new BigDecimal("5.50");

	/**
	 * Two jams at 6.90, a tea at 12.00, 10 % off (2.58), delivery 4.90: 28.12 invoiced.
	 */
	private static RefundCalculation.OrderMoney order(int jamsRefunded, int teaRefunded, long refunded,
			long discountRefunded, long shippingRefunded) {
		return new RefundCalculation.OrderMoney(
				List.of(new RefundCalculation.LineState(1, "Confiture", 690, FOOD, 2, jamsRefunded),
						new RefundCalculation.LineState(2, "Thé", 1200, FOOD, 1, teaRefunded)),
				2580, 258, 490, 2812, refunded, discountRefunded, shippingRefunded);
	}

	@Test
	void aLineIsRefundedAtThePricePaidItsShareOfTheDiscountDeducted() {
		RefundCalculation.Plan plan = RefundCalculation.plan(order(0, 0, 0, 0, 0),
				new RefundCalculation.Request(Map.of(1L, 1), false, 0));

		assertThat(plan.linesCents()).isEqualTo(690);
		assertThat(plan.discountCents()).as("258 × 690 / 2580, rounded down").isEqualTo(69);
		assertThat(plan.amountCents()).isEqualTo(621);
	}

	@Test
	void refundingEverythingInThreeStepsGivesBackExactlyTheInvoice() {
		RefundCalculation.Plan first = RefundCalculation.plan(order(0, 0, 0, 0, 0),
				new RefundCalculation.Request(Map.of(1L, 1), false, 0));
		RefundCalculation.Plan second = RefundCalculation.plan(
				order(1, 0, first.amountCents(), first.discountCents(), 0),
				new RefundCalculation.Request(Map.of(2L, 1), true, 0));
		long refunded = first.amountCents() + second.amountCents();
		RefundCalculation.Plan last = RefundCalculation.plan(
				order(1, 1, refunded, first.discountCents() + second.discountCents(), 490),
				new RefundCalculation.Request(Map.of(1L, 1), false, 0));

		assertThat(last.discountCents()).as("the last units take what is left of the discount")
			.isEqualTo(258 - first.discountCents() - second.discountCents());
		assertThat(first.amountCents() + second.amountCents() + last.amountCents()).isEqualTo(2812);
	}

	@Test
	void moreUnitsThanBoughtAndNotYetRefundedAreRefused() {
		assertThatExceptionOfType(RefundRefusal.class)
			.isThrownBy(() -> RefundCalculation.plan(order(1, 0, 621, 69, 0),
					new RefundCalculation.Request(Map.of(1L, 2), false, 0)))
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("refund.too-many"));
	}

	@Test
	void aLineOfAnotherOrderOrANegativeQuantityIsRefused() {
		for (Map<Long, Integer> quantities : List.of(Map.of(99L, 1), Map.of(1L, -1))) {
			assertThatExceptionOfType(RefundRefusal.class)
				.isThrownBy(() -> RefundCalculation.plan(order(0, 0, 0, 0, 0),
						new RefundCalculation.Request(quantities, false, 0)))
				.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("refund.unknown-line"));
		}
	}

	@Test
	void theDeliveryIsRefundedOnce() {
		assertThatExceptionOfType(RefundRefusal.class)
			.isThrownBy(() -> RefundCalculation.plan(order(0, 0, 490, 0, 490),
					new RefundCalculation.Request(Map.of(), true, 0)))
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("refund.shipping-already"));
	}

	@Test
	void aFreeAmountBeyondWhatTheInvoiceStillAllowsIsRefusedSayingWhatIsLeft() {
		assertThatExceptionOfType(RefundRefusal.class)
			.isThrownBy(() -> RefundCalculation.plan(order(0, 0, 2800, 0, 0),
					new RefundCalculation.Request(Map.of(), false, 13)))
			.satisfies((refusal) -> {
				assertThat(refusal.getMessageKey()).isEqualTo("refund.exceeds");
				assertThat(refusal.getArguments()).containsExactly(new BigDecimal("0.12"));
			});
		assertThat(RefundCalculation.plan(order(0, 0, 2800, 0, 0), new RefundCalculation.Request(Map.of(), false, 12))
			.amountCents()).isEqualTo(12);
	}

	@Test
	void anEmptyRefundIsRefused() {
		assertThatExceptionOfType(RefundRefusal.class)
			.isThrownBy(() -> RefundCalculation.plan(order(0, 0, 0, 0, 0),
					new RefundCalculation.Request(Map.of(1L, 0), false, 0)))
			.satisfies((refusal) -> assertThat(refusal.getMessageKey()).isEqualTo("refund.nothing"));
	}

	@Test
	void theRemainderOfACancelledOrderIsExactlyWhatTheInvoiceStillAllows() {
		assertThat(RefundCalculation.remainder(order(0, 0, 0, 0, 0)).amountCents()).isEqualTo(2812);
		RefundCalculation.Plan afterAGesture = RefundCalculation.remainder(order(0, 0, 500, 0, 0));
		assertThat(afterAGesture.amountCents()).isEqualTo(2312);
		assertThat(afterAGesture.linesCents() - afterAGesture.discountCents() + afterAGesture.shippingCents()
				+ afterAGesture.extraCents())
			.isEqualTo(2312);
		assertThat(RefundCalculation.remainder(order(2, 1, 2812, 258, 490))).isNull();
	}

}
