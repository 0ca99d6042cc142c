package org.citelens.classify.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;
import org.citelens.model.Label;
import org.citelens.testdata.RepositoryFiles;

/**
 * The rows the bench programs measure labellers on: our annotations' dev and test splits and the clinical set's dev
 * papers (the shipped transformer trained on none of them), each tagged with its group ("citelens dev", "citelens
 * test", "clinical dev").
 */
record HeldOutRows(List<String> groups, List<Label> gold, List<ClassifierInput> inputs) {

    static HeldOutRows read() throws IOException {
        List<String> groups = new ArrayList<>();
        List<Label> gold = new ArrayList<>();
        List<ClassifierInput> inputs = new ArrayList<>();
        for (String set : new String[] {"annotations/citelens.tsv", "datasets/clinical.tsv"}) {
            for (LabelledStatement r : LabelledData.read(RepositoryFiles.dataRoot().resolve(set))) {
                if (r.split().equals("train") || (r.dataset().equals("clinical") && !r.isDev())) continue;
                groups.add(r.dataset() + " " + r.split());
                gold.add(r.label());
                inputs.add(r.input());
            }
        }
        return new HeldOutRows(groups, gold, inputs);
    }
}
