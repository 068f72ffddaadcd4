/** Courier's log messages, each with a stable id, through JBoss Logging's typed message loggers. */
package dev.courier.logging;
