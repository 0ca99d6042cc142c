package org.citelens.spark;

import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The Spark context of one bulk ingest: a local master, bound to loopback, without the web UI. */
final class SparkContexts {
    /** {@code local}, {@code local[N]} or {@code local[*]}: the masters this command runs (docs/spark.md). */
    static final Pattern LOCAL_MASTER = Pattern.compile("local(\\[([1-9][0-9]{0,3}|\\*)])?");

    private SparkContexts() {}

    static JavaSparkContext local(String master) {
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("citelens-spark-ingest")
                // the driver listens for its executors: on loopback, never on the machine's network
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                // no web UI on a port of its own, no console progress bar over our own progress lines
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                // records (our model) serialise through their canonical constructor; Kryo 4 cannot build them
                .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
        return new JavaSparkContext(conf);
    }
}
