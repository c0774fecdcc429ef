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
