package io.brain.api.webhook;

import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.problem.ProblemWriter;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beyond its limit of webhooks in flight, the ingress answers 503 with Retry-After before
 * anything reads the body, and takes webhooks again once one finishes.
 */
class IngressLimitTests {

	final IngressLimit limit = new IngressLimit(1, new ProblemWriter(new ObjectMapper()));

	@Test
	void webhookWhenLimitReachedThenRefusedWith429AndRetryAfterAndLaterTakenAgain() throws Exception {
		AtomicReference<MockHttpServletResponse> whileBusy = new AtomicReference<>();
		MockHttpServletResponse first = new MockHttpServletResponse();
		// The first webhook is still in flight when the second arrives.
		this.limit.doFilter(hook(), first, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws java.io.IOException, jakarta.servlet.ServletException {
				MockHttpServletResponse second = new MockHttpServletResponse();
				MockFilterChain untouched = new MockFilterChain();
				IngressLimitTests.this.limit.doFilter(hook(), second, untouched);
				assertThat(untouched.getRequest()).as("the refused webhook reached the ingress").isNull();
				whileBusy.set(second);
			}
		});

		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(whileBusy.get().getStatus()).isEqualTo(429);
		assertThat(whileBusy.get().getHeader("Retry-After")).isEqualTo("1");
		assertThat(whileBusy.get().getContentType()).isEqualTo("application/problem+json");
		assertThat(whileBusy.get().getContentAsString()).contains("more webhooks than it can take");

		MockHttpServletResponse later = new MockHttpServletResponse();
		MockFilterChain reached = new MockFilterChain();
		this.limit.doFilter(hook(), later, reached);
		assertThat(later.getStatus()).isEqualTo(200);
		assertThat(reached.getRequest()).isNotNull();
	}

	@Test
	void requestWhenNotAWebhookThenNeverLimited() throws Exception {
		IngressLimit none = new IngressLimit(1, new ProblemWriter(new ObjectMapper()));
		MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/automations");
		MockFilterChain chain = new MockFilterChain();
		none.doFilter(api, new MockHttpServletResponse(), new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws java.io.IOException, jakarta.servlet.ServletException {
				none.doFilter(new MockHttpServletRequest("POST", "/api/automations"), new MockHttpServletResponse(),
						chain);
			}
		});
		assertThat(chain.getRequest()).isNotNull();
	}

	private static MockHttpServletRequest hook() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/hooks/abc");
		request.setContent("{}".getBytes());
		return request;
	}

}
