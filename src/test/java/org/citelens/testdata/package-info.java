/** Where the tests find their data: always inside the repository, never beside or above the checkout. */
package org.citelens.testdata;
