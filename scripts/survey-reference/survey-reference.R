# Reference values from R's survey package for tests/design-share.test.ts, frozen as
# tests/fixtures/survey-reference/reference.csv (the tests do not need R).
#
#   apt-get install -y r-cran-survey                       # R 4 + survey (Debian)
#   npx tsx scripts/survey-reference/generate-synthetic-wave.ts
#   Rscript scripts/survey-reference/survey-reference.R     # from the repository root
#
# The estimation domain of a cell is "answered the question" (and, for a breakdown, "in the group"): the design is
# subset to it, as svyby(~y, ~domain, subset(design, !is.na(y)), ...) does, so strata without members still count
# in the variance and the Korn–Graubard df is degf() of the subset (members − strata with members).
suppressMessages(library(survey))
dir <- "tests/fixtures/survey-reference"
d <- read.csv(file.path(dir, "synthetic-wave.csv"), stringsAsFactors = FALSE)
des <- svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = d)
g <- function(x) ifelse(is.na(x) | !is.finite(x), "NA", sprintf("%.17g", x))
cell <- function(outcome, domain, sub) {
  f <- as.formula(paste0("~", outcome))
  m <- svymean(f, sub, deff = TRUE, na.rm = TRUE)  # no-op unless the design is calibrated (its subsets keep NA rows)
  ci <- svyciprop(f, sub, method = "beta", na.rm = TRUE)
  p <- coef(m)[[1]]
  v <- vcov(m)[1, 1]
  data.frame(outcome = outcome, domain = domain, n = nrow(sub), share = g(100 * p), se = g(100 * sqrt(v)),
             deff = g(deff(m)[[1]]), effective_n = g(p * (1 - p) / v), df = degf(sub),
             ci_low = g(100 * attr(ci, "ci")[[1]]), ci_high = g(100 * attr(ci, "ci")[[2]]))
}
# Every outcome, for everyone who answered and for each domain among them.
cells <- function(design) {
  rows <- list()
  for (y in c("y1", "y2", "y3")) {
    answered <- subset(design, !is.na(d[[y]]))
    rows[[length(rows) + 1]] <- cell(y, "all", answered)
    for (dom in sort(unique(d$domain))) rows[[length(rows) + 1]] <- cell(y, dom, subset(answered, domain == dom))
  }
  do.call(rbind, rows)
}
ref <- cells(des)
# Cross-check of the subset route against svyby, as a statistician would call it (must agree to the last digit).
by <- svyby(~y1, ~domain, des, svymean, deff = TRUE)
stopifnot(isTRUE(all.equal(unname(coef(by)), as.numeric(ref$share[ref$outcome == "y1" & ref$domain != "all"]) / 100, tolerance = 1e-14)))
stopifnot(isTRUE(all.equal(unname(SE(by)), as.numeric(ref$se[ref$outcome == "y1" & ref$domain != "all"]) / 100, tolerance = 1e-14)))
write.csv(ref, file.path(dir, "reference.csv"), row.names = FALSE, quote = FALSE)
# Raking (calibration to the region and size margins, rake()'s defaults: epsilon = 1, maxit = 10): the calibrated
# weights, and the same cells on the raked design. A calibrated design's subset keeps its rows (weight 0), so
# svyciprop's nrow(design) is every respondent there.
m <- read.csv(file.path(dir, "margins.csv"), stringsAsFactors = FALSE)
pop.region <- data.frame(region = m$level[m$variable == "region"], Freq = m$Freq[m$variable == "region"])
pop.size <- data.frame(size = m$level[m$variable == "size"], Freq = m$Freq[m$variable == "size"])
raked <- rake(des, list(~region, ~size), list(pop.region, pop.size))
write.csv(data.frame(id = d$id, weight = g(weights(raked))), file.path(dir, "raked-weights.csv"), row.names = FALSE, quote = FALSE)
write.csv(cells(raked), file.path(dir, "reference-raked.csv"), row.names = FALSE, quote = FALSE)
# Linear (GREG) calibration to the same margins: calibrate(calfun = "linear"), totals of ~region + size.
totals <- c(sum(pop.region$Freq), pop.region$Freq[pop.region$region == "B"], pop.region$Freq[pop.region$region == "C"],
            pop.size$Freq[pop.size$size == "m"], pop.size$Freq[pop.size$size == "s"])
linear <- calibrate(des, ~region + size, totals, calfun = "linear")
write.csv(data.frame(id = d$id, weight = g(weights(linear))), file.path(dir, "linear-weights.csv"), row.names = FALSE, quote = FALSE)
write.csv(cells(linear), file.path(dir, "reference-linear.csv"), row.names = FALSE, quote = FALSE)
# Quantiles the intervals rest on.
qs <- data.frame(
  fn = c("qnorm", "qnorm", "qnorm", "qt", "qt", "qt", "qbeta", "qbeta", "qbeta", "qbeta", "qbeta"),
  p = c(0.975, 0.995, 1e-10, 0.975, 0.975, 0.995, 0.025, 0.975, 0.025, 0.975, 0.5),
  a = c(NA, NA, NA, 3, 57, 4000, 12.3, 13.3, 0.5, 2500.25, 1e-3),
  b = c(NA, NA, NA, NA, NA, NA, 3000.7, 2999.7, 7.25, 1.5, 40))
qs$value <- mapply(function(fn, p, a, b) switch(fn, qnorm = qnorm(p), qt = qt(p, a), qbeta = qbeta(p, a, b)), qs$fn, qs$p, qs$a, qs$b)
qs$value <- g(qs$value)
qs$a <- g(qs$a)
qs$b <- g(qs$b)
qs$p <- g(qs$p)
write.csv(qs, file.path(dir, "quantiles.csv"), row.names = FALSE, quote = FALSE)
cat("R", R.version.string, "survey", as.character(packageVersion("survey")), "\n")
