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
 * A row the bench programs measure labellers on: our annotations' dev and test splits and the clinical set's dev
 * papers (the shipped transformer trained on none of them), tagged with its group ("citelens dev", "citelens test",
 * "clinical dev").
 */
record HeldOutRow(String group, Label gold, ClassifierInput input) {

    static List<HeldOutRow> readAll() throws IOException {
        List<HeldOutRow> out = new ArrayList<>();
        for (String set : new String[] {"annotations/citelens.tsv", "datasets/clinical.tsv"}) {
            for (LabelledStatement r : LabelledData.read(RepositoryFiles.dataRoot().resolve(set))) {
                if (r.split().equals("train") || (r.dataset().equals("clinical") && !r.isDev())) continue;
                out.add(new HeldOutRow(r.dataset() + " " + r.split(), r.label(), r.input()));
            }
        }
        return out;
    }
}
