package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobTech's historical ads, one {@code <year>.jsonl.zip} per year from {@code from} (in
 * {@code inputs/fetch/job_postings.txt}) to the report year, into {@code job-postings/jobtech/}. They are gigabytes:
 * streamed to disk, resumed where a dropped connection left them, and not fetched again while unchanged. A year not yet
 * published (the year in progress) is said and skipped.
 */
final class JobTechSource extends Source {
    private static final Logger LOG = LoggerFactory.getLogger(JobTechSource.class);

    JobTechSource() {
        super("job_postings", "JobTech historical ads, {year}.jsonl.zip", "https://data.jobtechdev.se/annonser/historiska");
    }

    @Override
    List<Manifest.Entry> fetch(FetchContext context) throws IOException, FetchException {
        int from;
        try {
            from = Integer.parseInt(context.query().get("from", String.valueOf(context.year() - 5)).strip());
        } catch (NumberFormatException e) {
            throw new FetchException(dataset(), "inputs/" + context.query().file() + ": from is not a year");
        }
        String pattern = context.query().get("file", "{year}.jsonl.zip");
        List<Manifest.Entry> entries = new ArrayList<>();
        for (int year = from; year <= context.year(); year++) {
            String file = pattern.replace("{year}", String.valueOf(year));
            try {
                entries.add(Downloads.fetch(context, context.at(file), "job-postings/jobtech/" + file, null,
                        Downloads.zipWith(".jsonl")));
            } catch (FetchException e) {
                if (year == context.year() && e.getMessage().contains("HTTP 404")) {
                    LOG.warn("job_postings: {} is not published yet (JobTech publishes a year's ads after it ends); the "
                            + "year in progress is not fetched", file);
                    continue;
                }
                throw e;
            }
        }
        return entries;
    }
}
