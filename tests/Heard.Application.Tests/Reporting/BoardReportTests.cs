using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Heard.Application.Data;
using Heard.Application.Reporting;
using Heard.Domain.Cases;
using Heard.Domain.Reporting;
using Heard.Testing;
using Heard.Testing.Reporting;
using Heard.Application.Cases;
using Heard.Application.Deadlines;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Reporting;

// The board report against a dataset whose answers are known (see KnownAnswerDataset for the arithmetic), on the
// run's database (SQLite or PostgreSQL).
public sealed class BoardReportTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TestServices _services = default!;
    private KnownAnswerDataset _data = default!;
    private BoardReportResult _report = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = await TestServices.CreateAsync(_database, now: KnownAnswerDataset.Now);
        await using var scope = _services.Scope();
        _data = await KnownAnswerDataset.CreateAsync(scope.ServiceProvider.GetRequiredService<HeardDbContext>());
        _report = await scope.ServiceProvider.GetRequiredService<BoardReport>().BuildAsync(KnownAnswerDataset.Quarter);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Q1_2023_24_volumes_match_seed_002_and_the_year_earlier_quarter_is_beside_them()
    {
        var now = _report.Current;
        var then = _report.YearEarlier;

        Assert.Equal(new DateOnly(2023, 4, 1), now.Period.From);
        Assert.Equal(new DateOnly(2023, 6, 30), now.Period.To);
        Assert.Equal(238, now.Volume(ReportFigures.AdultComplaints));
        Assert.Equal(7, now.Volume(ReportFigures.ChildComplaints));
        Assert.Equal(33, now.Volume(ReportFigures.MpEnquiries));
        Assert.Equal(4, now.Volume(ReportFigures.OmbudsmanCases));
        Assert.Equal(12, now.Volume(ReportFigures.SubjectAccessRequests));
        Assert.Equal(40, now.Volume(ReportFigures.Compliments));
        Assert.Equal(540, now.Volume(ReportFigures.Feedback));
        Assert.Equal(new DateOnly(2022, 4, 1), then.Period.From);
        Assert.Equal(100, then.Volume(ReportFigures.AdultComplaints));
        Assert.Equal(2, then.Volume(ReportFigures.ChildComplaints));
        Assert.Equal(10, then.Volume(ReportFigures.MpEnquiries));
        Assert.Equal(0, then.Volume(ReportFigures.Feedback));
    }

    [Fact]
    public void Feedback_averages_are_4_25_from_48_children_and_4_08_from_492_adults()
    {
        var children = _report.Current.ChildFeedback;
        var adults = _report.Current.AdultFeedback;

        Assert.Equal(48, children.Responses);
        Assert.Equal(4.25, children.Average);
        Assert.Equal(87.5, children.PercentPositive);
        Assert.Equal(492, adults.Responses);
        Assert.Equal(2007, adults.ScoreTotal);
        Assert.Equal("4.08", adults.Average!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(350, adults.Positive);
    }

    [Fact]
    public void Timeliness_counts_met_deadlines_by_their_due_date_and_overdue_unmet_ones_as_late()
    {
        var adults = _report.Current.Adults;
        var children = _report.Current.Children;

        Assert.Equal(new Timeliness(230, 8), adults.Acknowledged);
        Assert.Equal(new Timeliness(180, 30), adults.Responded);
        Assert.Equal(100.0 * 180 / 210, adults.Responded.Percent);
        Assert.Equal(Rag.Amber, _report.Rag.Of(adults.Responded.Percent));
        Assert.Equal(Rag.Green, _report.Rag.Of(adults.Acknowledged.Percent));
        Assert.Equal(new Timeliness(7, 0), children.Acknowledged);
        Assert.Equal(new Timeliness(5, 0), children.Responded);
    }

    [Fact]
    public void Working_days_to_respond_average_13_25_with_median_15_for_adults_and_12_for_children()
    {
        Assert.Equal(200, _report.Current.Adults.Responses);
        Assert.Equal(13.25, _report.Current.Adults.AverageWorkingDays);
        Assert.Equal(15, _report.Current.Adults.MedianWorkingDays);
        Assert.Equal(5, _report.Current.Children.Responses);
        Assert.Equal(12, _report.Current.Children.AverageWorkingDays);
        Assert.Equal(12, _report.Current.Children.MedianWorkingDays);
        Assert.Null(_report.YearEarlier.Adults.MedianWorkingDays);
    }

    [Fact]
    public void Upheld_rate_counts_complaints_with_an_issue_upheld_fully_or_in_part_among_those_decided()
    {
        Assert.Equal(55, _report.Current.Adults.Decided);
        Assert.Equal(30, _report.Current.Adults.Upheld);
        Assert.Equal(3, _report.Current.Children.Decided);
        Assert.Equal(2, _report.Current.Children.Upheld);
    }

    [Fact]
    public void Themes_remedies_and_ombudsman_outcomes_are_counted_for_the_period()
    {
        var now = _report.Current;

        Assert.Equal(
            [("communication", 45L), ("not-listened-to", 13L), ("delay", 10L), ("bias", 5L)],
            now.TopThemes.Select(t => (t.Key, t.Count)).ToList());
        Assert.Equal([("Apology", 10L, 0m), ("Financial redress", 3L, 500.50m)], now.Remedies.Select(r => (r.Kind, r.Count, r.Amount)).ToList());
        Assert.Equal(500.50m, now.CompensationPaid);
        Assert.Equal([("Upheld", 1L), ("NotUpheld", 2L), ("none", 1L)], now.OmbudsmanOutcomes.Select(o => (o.Key, o.Count)).ToList());
    }

    [Fact]
    public void Premature_and_withdrawn_complaints_are_counted_by_area_law_type_and_state_withdrawn_from()
    {
        var now = _report.Current;
        var a = now.ByArea.Single(r => r.Name == "Known Area A");
        var b = now.ByArea.Single(r => r.Name == "Known Area B");

        Assert.Equal(10, now.Adults.Premature);
        Assert.Equal(5, now.Adults.Withdrawn);
        Assert.Equal((8L, 0L), (a.Premature, a.Withdrawn));
        Assert.Equal((2L, 5L), (b.Premature, b.Withdrawn));
        Assert.Equal(8, now.ByLawType.Single(r => r.Key == "Private").Premature);
        Assert.Equal(5, now.ByLawType.Single(r => r.Key == "Public").Withdrawn);
        Assert.Equal([("investigation", 3L), ("acknowledged", 2L)], now.WithdrawnFrom.Select(w => (w.Key, w.Count)).OrderByDescending(w => w.Item2).ToList());
    }

    [Fact]
    public void Complaints_per_1000_family_court_cases_flag_areas_significantly_low()
    {
        var now = _report.Current;
        var a = now.ByArea.Single(r => r.Name == "Known Area A");
        var b = now.ByArea.Single(r => r.Name == "Known Area B");
        var c = now.ByArea.Single(r => r.Name == "Known Area C");

        Assert.Equal((145L, 400L, 362.5, false), (a.Complaints, a.FamilyCourtCases, a.Rate.RatePerThousand!.Value, a.Rate.SignificantlyLow));
        Assert.Equal((100L, 1000L, 100.0, true), (b.Complaints, b.FamilyCourtCases, b.Rate.RatePerThousand!.Value, b.Rate.SignificantlyLow));
        Assert.Equal((0L, 100L, 0.0, true), (c.Complaints, c.FamilyCourtCases, c.Rate.RatePerThousand!.Value, c.Rate.SignificantlyLow));
        var privateLaw = now.ByLawType.Single(r => r.Key == "Private");
        var publicLaw = now.ByLawType.Single(r => r.Key == "Public");
        var other = now.ByLawType.Single(r => r.Key == "Other");
        Assert.Equal((157L, 1100L), (privateLaw.Complaints, privateLaw.FamilyCourtCases));
        Assert.Equal((88L, 400L, 220.0, false), (publicLaw.Complaints, publicLaw.FamilyCourtCases, publicLaw.Rate.RatePerThousand!.Value, publicLaw.Rate.SignificantlyLow));
        Assert.Null(other.Rate.RatePerThousand);
    }

    [Fact]
    public void Responded_on_time_by_area_adds_up_to_the_national_figure()
    {
        var total = _report.Current.ByArea.Aggregate(Timeliness.Empty, (t, r) => t.Add(r.Responded));

        Assert.Equal(_report.Current.Adults.Responded.Add(_report.Current.Children.Responded), total);
    }

    [Fact]
    public async Task The_report_follows_a_later_change_to_a_deadline_an_issue_and_a_state()
    {
        // The report reads report facts, rewritten by SaveChanges with each change to a case, its deadlines, its
        // issues or a withdrawal: a late response sent, an issue decided and a complaint withdrawn all show at once.
        await using (var scope = _services.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            var from = KnownAnswerDataset.Quarter.From;
            var to = KnownAnswerDataset.Quarter.To;
            var late = await db.CaseDeadlines
                .Where(d => d.Kind == DeadlineKinds.Response && d.MetOn == null && d.DueOn < KnownAnswerDataset.AsOf)
                .Where(d => db.Cases.Any(c => c.Id == d.CaseId && c.Type == CaseType.Complaint && c.Audience == Audience.Adult && c.ReceivedOn >= from && c.ReceivedOn <= to))
                .FirstAsync();
            late.MetOn = late.DueOn;
            await db.SaveChangesAsync();

            // An issue with no finding yet, on a complaint with no other issue decided.
            var undecided = await db.ComplaintIssues
                .Where(i => i.Finding == Finding.NoFinding)
                .Where(i => db.Cases.Any(c => c.Id == i.CaseId && c.Type == CaseType.Complaint && c.Audience == Audience.Adult && c.ReceivedOn >= from && c.ReceivedOn <= to
                    && !c.Issues.Any(o => o.Finding == Finding.Upheld || o.Finding == Finding.PartlyUpheld || o.Finding == Finding.NotUpheld)))
                .FirstAsync();
            undecided.Finding = Finding.NotUpheld;
            await db.SaveChangesAsync();

            var open = await db.Cases
                .Where(c => c.Type == CaseType.Complaint && c.Audience == Audience.Adult && c.ReceivedOn >= from && c.ReceivedOn <= to && c.State == ComplaintStates.Closed)
                .FirstAsync();
            open.State = ComplaintStates.Withdrawn;
            db.CaseEvents.Add(new CaseEvent { CaseId = open.Id, At = KnownAnswerDataset.Now.UtcDateTime, Kind = "transition", ActorName = "Known", FromState = ComplaintStates.Closed, ToState = ComplaintStates.Withdrawn, Summary = "Withdrawn" });
            await db.SaveChangesAsync();
        }

        await using var after = _services.Scope();
        var now = (await after.ServiceProvider.GetRequiredService<BoardReport>().BuildAsync(KnownAnswerDataset.Quarter)).Current;

        Assert.Equal(new Timeliness(181, 29), now.Adults.Responded);
        Assert.Equal(56, now.Adults.Decided);
        Assert.Equal(6, now.Adults.Withdrawn);
        Assert.Equal([("investigation", 3L), ("acknowledged", 2L), ("closed", 1L)], now.WithdrawnFrom.Select(w => (w.Key, w.Count)).OrderByDescending(w => w.Item2).ToList());
    }

    [Fact]
    public async Task Month_cells_kept_save_by_save_equal_the_cells_summed_again_from_the_facts()
    {
        // Each save adds its difference to the month cells; after moves between months, areas and states, made
        // one by one and several at once, the cells must be exactly what summing the facts afresh gives.
        var from = KnownAnswerDataset.Quarter.From;
        var to = KnownAnswerDataset.Quarter.To;
        List<Guid> ids;
        await using (var scope = _services.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            ids = await db.Cases.Where(c => c.Type == CaseType.Complaint && c.ReceivedOn >= from && c.ReceivedOn <= to).OrderBy(c => c.Reference).Select(c => c.Id).Take(12).ToListAsync();
            var first = await db.Cases.SingleAsync(c => c.Id == ids[0]);
            first.ReceivedOn = first.ReceivedOn.AddMonths(-2);
            first.LawType = first.LawType == LawType.Public ? LawType.Private : LawType.Public;
            var deadline = await db.CaseDeadlines.FirstAsync(d => d.CaseId == ids[1] && d.Kind == DeadlineKinds.Response);
            deadline.MetOn = deadline.DueOn.AddDays(3);
            await db.SaveChangesAsync();
        }

        // Eight saves at once, each withdrawing a different complaint of the same quarter (on PostgreSQL the cells
        // they share are updated under row locks; on SQLite the saves take turns).
        await Task.WhenAll(ids.Skip(2).Take(8).Select(async id =>
        {
            await using var scope = _services.Scope();
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            var complaint = await db.Cases.SingleAsync(c => c.Id == id);
            var was = complaint.State;
            complaint.State = ComplaintStates.Withdrawn;
            db.CaseEvents.Add(new CaseEvent { CaseId = id, At = KnownAnswerDataset.Now.UtcDateTime, Kind = "transition", ActorName = "Known", FromState = was, ToState = ComplaintStates.Withdrawn, Summary = "Withdrawn" });
            await db.SaveChangesAsync();
        }));

        await using var check = _services.Scope();
        var context = check.ServiceProvider.GetRequiredService<HeardDbContext>();
        var kept = await Cells(context);
        Assert.Equal(await context.ReportFacts.CountAsync(), kept.Sum(c => c.Count));
        Assert.Contains(kept, c => c.Withdrawn > 0 && c.WithdrawnFrom.Length > 0);

        await ReportMonthCells.RebuildAsync(context);

        Assert.Equal(await Cells(context), kept);
    }

    private static async Task<List<(DateOnly Month, CaseType Type, Audience Audience, Guid Area, string Law, string WithdrawnFrom, int Count, int Withdrawn, int OnTime, int Late, int Decided, int Upheld, int Premature, int AckOnTime, int AckLate)>> Cells(HeardDbContext db) =>
        (await db.ReportMonthCells.AsNoTracking().ToListAsync())
            .Where(c => c.Count != 0 || c.Withdrawn != 0 || c.ResponseOnTime != 0 || c.ResponseSentLate != 0 || c.Decided != 0 || c.Upheld != 0 || c.Premature != 0 || c.AcknowledgementOnTime != 0 || c.AcknowledgementSentLate != 0)
            .Select(c => (c.Month, c.Type, c.Audience, c.ServiceAreaId, c.LawType, c.WithdrawnFrom, c.Count, c.Withdrawn, c.ResponseOnTime, c.ResponseSentLate, c.Decided, c.Upheld, c.Premature, c.AcknowledgementOnTime, c.AcknowledgementSentLate))
            .OrderBy(c => c.Month).ThenBy(c => c.Type).ThenBy(c => c.Audience).ThenBy(c => c.ServiceAreaId).ThenBy(c => c.LawType, StringComparer.Ordinal).ThenBy(c => c.WithdrawnFrom, StringComparer.Ordinal)
            .ToList();

    [Theory]
    [InlineData("2023-04-15", "2023-06-10")] // part of a month, a whole month, part of a month
    [InlineData("2023-05-03", "2023-05-20")] // inside one month
    [InlineData("2023-04-01", "2023-05-31")] // whole months only
    [InlineData("2023-04-02", "2023-06-30")] // ends on a month's last day
    public async Task A_custom_period_of_whole_and_part_months_counts_what_the_cases_and_deadlines_say(string start, string end)
    {
        var from = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var asOf = KnownAnswerDataset.AsOf;
        var adults = db.Cases.Where(c => c.Type == CaseType.Complaint && c.Audience == Audience.Adult && c.ReceivedOn >= from && c.ReceivedOn <= to);
        var responses = db.CaseDeadlines.Where(d => d.Kind == DeadlineKinds.Response && adults.Any(c => c.Id == d.CaseId));
        var expected = new Timeliness(
            await responses.CountAsync(d => d.MetOn != null && d.MetOn <= d.DueOn),
            await responses.CountAsync(d => (d.MetOn != null && d.MetOn > d.DueOn) || (d.MetOn == null && d.DueOn < asOf)));

        var now = (await scope.ServiceProvider.GetRequiredService<BoardReport>().BuildAsync(ReportPeriod.Custom(from, to))).Current;

        Assert.Equal(await adults.CountAsync(), now.Volume(ReportFigures.AdultComplaints));
        Assert.Equal(await db.Cases.CountAsync(c => c.Type == CaseType.MpEnquiry && c.ReceivedOn >= from && c.ReceivedOn <= to), now.Volume(ReportFigures.MpEnquiries));
        Assert.Equal(expected, now.Adults.Responded);
        Assert.Equal(await adults.CountAsync(c => c.State == ComplaintStates.Withdrawn), now.Adults.Withdrawn);
    }

    [Theory]
    [InlineData("2023-04-01", "2024-03-31", "2023-04-01", "2024-03-01", "")]
    [InlineData("2023-04-15", "2023-06-10", "2023-05-01", "2023-05-01", "2023-04-15..2023-04-30 2023-06-01..2023-06-10")]
    [InlineData("2023-05-03", "2023-05-20", "", "", "2023-05-03..2023-05-20")]
    [InlineData("2023-04-02", "2023-05-31", "2023-05-01", "2023-05-01", "2023-04-02..2023-04-30")]
    [InlineData("2024-02-01", "2024-02-29", "2024-02-01", "2024-02-01", "")]
    public void A_period_splits_into_whole_months_and_the_days_around_them(string from, string to, string first, string last, string days)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        var (firstMonth, lastMonth, parts) = BoardReport.ReportMonths.Split(D(from), D(to));

        Assert.Equal(first.Length == 0 ? null : D(first), firstMonth);
        Assert.Equal(last.Length == 0 ? null : D(last), lastMonth);
        Assert.Equal(days, string.Join(' ', parts.Select(p => $"{p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd}")));
    }

    [Fact]
    public void Rag_thresholds_come_from_configuration()
    {
        var thresholds = new RagThresholds(95, 85);

        Assert.Equal(Rag.Green, thresholds.Of(95));
        Assert.Equal(Rag.Amber, thresholds.Of(94.9));
        Assert.Equal(Rag.Amber, thresholds.Of(85));
        Assert.Equal(Rag.Red, thresholds.Of(84.9));
        Assert.Equal(Rag.None, thresholds.Of(null));
    }

    [Fact]
    public async Task Configured_rag_thresholds_change_the_colour_of_the_same_figure()
    {
        await using var services = await TestServices.CreateAsync(_database, new Dictionary<string, string?>
        {
            ["Heard:Reports:Rag:Green"] = "85",
            ["Heard:Reports:Rag:Amber"] = "60",
        }, KnownAnswerDataset.Now);
        await using var scope = services.Scope();

        var report = await scope.ServiceProvider.GetRequiredService<BoardReport>().BuildAsync(KnownAnswerDataset.Quarter);

        Assert.Equal(new RagThresholds(85, 60), report.Rag);
        Assert.Equal(Rag.Green, report.Rag.Of(report.Current.Adults.Responded.Percent));
    }

    [Fact]
    public void Csv_of_the_volumes_table_has_a_header_and_one_line_per_record_type()
    {
        var table = ReportTables.From(_report).Single(t => t.Id == "volumes");

        var lines = ReportExports.Csv(table).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Record type,Q1 2023\u201324,Q1 2023\u201324 (a year earlier),Change", lines[0]);
        Assert.Equal("Adult complaints,238,100,138", lines[1]);
        Assert.Equal("Children's complaints,7,2,250", lines[2]);
        Assert.Equal("MP enquiries,33,10,230", lines[3]);
        Assert.Equal(8, lines.Length);
    }

    [Fact]
    public void Spreadsheet_has_a_sheet_per_table_with_numbers_readable_as_numbers()
    {
        var tables = ReportTables.From(_report);
        using var stream = new MemoryStream();

        ReportExports.Xlsx("Board report", tables, stream);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(tables.Select(t => t.Id), sheets.Select(s => s.Name!.Value));
        var volumes = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var rows = volumes.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var adult = rows[3].Elements<Cell>().ToList();
        Assert.Equal("Adult complaints", adult[0].CellValue!.Text);
        Assert.Equal(CellValues.Number, adult[1].DataType!.Value);
        Assert.Equal("238", adult[1].CellValue!.Text);
        Assert.Equal("100", adult[2].CellValue!.Text);
        var feedback = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "feedback").Id!);
        var childAverage = feedback.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ElementAt(4).Elements<Cell>().ToList();
        Assert.Equal("Children: average score (out of 5)", childAverage[0].CellValue!.Text);
        Assert.Equal("4.25", childAverage[1].CellValue!.Text);
    }

    [Fact]
    public void A_period_ending_before_it_starts_or_longer_than_five_years_is_refused_with_a_message()
    {
        Assert.Equal("The end date must be the same as or after the start date.", ReportPeriod.Problem(new DateOnly(2024, 4, 1), new DateOnly(2024, 3, 31)));
        Assert.Equal("A report can cover at most 5 years. Choose a shorter period.", ReportPeriod.Problem(new DateOnly(2019, 4, 1), new DateOnly(2024, 4, 1)));
        Assert.Null(ReportPeriod.Problem(new DateOnly(2019, 4, 1), new DateOnly(2024, 3, 31)));
    }
}
