package io.brain.api.ui;

import java.io.IOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app, answering its client-side routes ({@code /runs}, {@code /audit},
 * ...) with {@code index.html} so a reload or a shared link works.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.resourceChain(true)
			.addResolver(new WebAppResolver());
	}

	static final class WebAppResolver extends PathResourceResolver {

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource resource = location.createRelative(resourcePath);
			if (resource.exists() && resource.isReadable()) {
				return resource;
			}
			if (isServerPath(resourcePath) || resourcePath.contains(".")) {
				return null;
			}
			Resource index = new ClassPathResource("static/index.html");
			return index.exists() ? index : null;
		}

		private static boolean isServerPath(String path) {
			return path.startsWith("api/") || path.startsWith("actuator") || path.startsWith("v3/")
					|| path.startsWith("swagger-ui") || path.startsWith("hooks/");
		}

	}

}
