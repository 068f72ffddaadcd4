package dev.courier.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API at the root context: {@code http://host:8080/v2/...}, as Google's clients expect. */
@ApplicationPath("/")
public class CourierApplication extends Application {}
