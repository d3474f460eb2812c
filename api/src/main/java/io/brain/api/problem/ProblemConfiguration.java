package io.brain.api.problem;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every error the api sends is problem+json, also those Spring MVC never sees.
 */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

	/** Tomcat's error report valve replaced on the host by one writing problem+json. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectMapper json) {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				host.getPipeline().addValve(new ProblemErrorReportValve(json));
			}
		});
	}

	/**
	 * Requests Spring Security's firewall refuses (an encoded {@code ;}, {@code /} or
	 * {@code %} in the path, a path that is not normalised, a header it cannot take).
	 */
	@Bean
	RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter problems) {
		return (request, response, rejected) -> {
			if (response.isCommitted()) {
				throw new IOException("Request refused after its answer began", rejected);
			}
			String message = String.valueOf(rejected.getMessage());
			problems.write(request, response,
					(message.contains("header"))
							? new BrainProblem(HttpStatus.BAD_REQUEST,
									"A header of the request holds characters Brain does not accept.")
							: new BrainProblem(HttpStatus.BAD_REQUEST, "path",
									"The request's address holds characters or sequences Brain does not accept "
											+ "(an encoded ';', '/', '\\' or '%', or a path that is not normalised)."));
		};
	}

}
