/** The polite crawler that fetches article pages and XML into a raw store. */
package org.citelens.crawl;
