/** The Javalin HTTP server: JSON API, web pages, errors, metrics. */
package org.citelens.api;
