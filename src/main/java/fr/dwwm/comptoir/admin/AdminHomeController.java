package fr.dwwm.comptoir.admin;

import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.catalog.ProductQueries;
import fr.dwwm.comptoir.order.SalesFigures;
import fr.dwwm.comptoir.security.Factors;
import fr.dwwm.comptoir.web.NoIndex;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The back-office's dashboard: the last 30 days in four figures, sales per day over 90
 * days and the best sellers as charts (with their data as tables too), and the products
 * running out. Only staff who proved a second factor during this session reach it (see
 * the security configuration).
 *
 * <p>
 * The sales figures are the orders' (revenue, orders, basket, conversion, best sellers):
 * like the orders themselves, they are for administrators only. An editor's dashboard
 * shows the products running out, their catalogue work; the figures are not even read.
 */
@Controller
@NoIndex
class AdminHomeController {

	static final int SUMMARY_DAYS = 30;

	static final int CHART_DAYS = 90;

	static final int LOW_STOCK = 5;

	private final SalesFigures sales;

	private final ProductQueries products;

	AdminHomeController(SalesFigures sales, ProductQueries products) {
		this.sales = sales;
		this.products = products;
	}

	@GetMapping("/admin")
	String home(Model model, Authentication staff) {
		model.addAttribute("lowStock", this.products.lowStock(LOW_STOCK, 10));
		if (staff == null || !Factors.has(staff, "ROLE_ADMIN")) {
			return "admin/home";
		}
		List<SalesFigures.Day> days = this.sales.perDay(CHART_DAYS);
		List<SalesFigures.TopProduct> top = this.sales.topProducts(CHART_DAYS, 10);
		model.addAttribute("summary", this.sales.summary(SUMMARY_DAYS));
		model.addAttribute("days", days);
		model.addAttribute("top", top);
		// The charts' data, read by admin-charts.js from a JSON block (no inline script).
		model.addAttribute("chartData",
				Map.of("days", days.stream().map((day) -> day.day().toString()).toList(), "revenue",
						days.stream().map((day) -> day.revenueCents() / 100.0).toList(), "products",
						top.stream().map(SalesFigures.TopProduct::name).toList(), "units",
						top.stream().map(SalesFigures.TopProduct::units).toList()));
		return "admin/home";
	}

}
