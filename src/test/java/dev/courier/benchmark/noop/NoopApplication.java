package dev.courier.benchmark.noop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves {@link NoopResource} under the WAR's context root. */
@ApplicationPath("/")
public class NoopApplication extends Application {}
