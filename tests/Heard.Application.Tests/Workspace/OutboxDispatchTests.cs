using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Email;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Workspace;

// The outbox dispatcher against a real SMTP conversation on 127.0.0.1 (MailKit client, the test server in Heard.Testing).
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync.
public sealed class OutboxDispatchTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private TestDatabase _database = default!;
    private SmtpTestServer _smtp = default!;
    private WorkspaceWorld _world = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = new SmtpTestServer();
        await using var services = await StartAsync();
        await using var scope = services.Scope();
        _world = await WorkspaceWorld.CreateAsync(scope.ServiceProvider.GetRequiredService<HeardDbContext>(), new DateOnly(2026, 3, 2));
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_outbox_email_goes_over_smtp_with_its_message_id_and_is_recorded_on_the_case()
    {
        await using var services = await StartAsync();
        var messageId = await EnqueueAsync(services, "acknowledgement@example.com", "We have your complaint");

        var sent = await DispatchAsync(services);

        Assert.Equal(1, sent);
        var email = Assert.Single(_smtp.Received);
        Assert.Equal(["acknowledgement@example.com"], email.To);
        Assert.Equal("complaints@heard.example", email.From);
        Assert.Equal($"<{messageId:N}@heard.example>", email.Header("Message-ID"));
        Assert.Equal("We have your complaint", email.Header("Subject"));
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var row = await db.OutboxMessages.SingleAsync();
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.NotNull(row.SentAt);
        var recorded = await db.CaseEvents.SingleAsync(e => e.CaseId == _world.AdultComplaintA.Id && e.Kind == "email-sent");
        Assert.Equal("Email sent: We have your complaint", recorded.Summary);
    }

    [Fact]
    public async Task An_outbox_that_stops_between_commit_and_send_sends_exactly_once_after_restart()
    {
        // The first Heard commits the change with its email, then stops before any dispatcher runs.
        await using (var first = await StartAsync())
        {
            await EnqueueAsync(first, "person@example.com", "Your complaint");
        }

        Assert.Empty(_smtp.Received);

        // After the restart, the dispatcher finds it; running again (a retry, another node) sends nothing more.
        await using var second = await StartAsync();
        var firstRun = await DispatchAsync(second);
        var secondRun = await DispatchAsync(second);

        Assert.Equal(1, firstRun);
        Assert.Equal(0, secondRun);
        Assert.Single(_smtp.Received);
    }

    [Fact]
    public async Task Two_dispatchers_racing_over_the_same_outbox_send_each_email_once()
    {
        await using var services = await StartAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await EnqueueAsync(services, $"person{i}@example.com", $"Letter {i}"));
        }

        await using var one = services.Scope();
        await using var two = services.Scope();
        var results = await Task.WhenAll(
            one.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(),
            two.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync());

        Assert.Equal(6, results.Sum());
        Assert.Equal(6, _smtp.Received.Count);
        Assert.Equal(ids.Select(id => $"<{id:N}@heard.example>").Order(), _smtp.Received.Select(e => e.Header("Message-ID")!).Order());
    }

    [Fact]
    public async Task A_failing_email_is_retried_with_back_off_then_waits_in_the_failed_queue_and_can_be_sent_again()
    {
        _smtp.RejectData = true;
        await using var services = await StartAsync(maxAttempts: 2);
        await EnqueueAsync(services, "person@example.com", "Your complaint");

        var first = await DispatchAsync(services);
        var tooSoon = await DispatchAsync(services);
        services.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await DispatchAsync(services);

        Assert.Equal(0, first + tooSoon + second);
        await using (var scope = services.Scope())
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            var failed = Assert.Single(await dispatcher.FailedAsync());
            Assert.Equal(2, failed.Attempts);
            Assert.Equal(_world.AdultComplaintA.Reference, failed.Reference);
            Assert.Contains("451", failed.LastError, StringComparison.Ordinal);
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            Assert.True(await db.CaseEvents.AnyAsync(e => e.CaseId == _world.AdultComplaintA.Id && e.Kind == "email-failed"));

            _smtp.RejectData = false;
            Assert.True(await dispatcher.RetryAsync(failed.Id, new Actor(_world.ComplaintsOfficer.Id, "Casey Officer", "ComplaintsTeam")));
        }

        var afterRetry = await DispatchAsync(services);

        Assert.Equal(1, afterRetry);
        Assert.Single(_smtp.Received);
    }

    [Fact]
    public void Back_off_doubles_from_a_minute_up_to_six_hours()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), OutboxDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(2), OutboxDispatcher.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(16), OutboxDispatcher.Backoff(5));
        Assert.Equal(TimeSpan.FromHours(6), OutboxDispatcher.Backoff(20));
    }

    private Task<TestServices> StartAsync(int maxAttempts = 6) =>
        TestServices.CreateAsync(_database, new Dictionary<string, string?>
        {
            ["Heard:Email:Host"] = "127.0.0.1",
            ["Heard:Email:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Heard:Email:Security"] = "None",
            ["Heard:Email:FromAddress"] = "complaints@heard.example",
            ["Heard:Email:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private async Task<Guid> EnqueueAsync(TestServices services, string to, string subject)
    {
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var message = scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("letter", to, "The person", subject, "Dear person,\r\n.\r\nA line that starts with a dot.", caseId: _world.AdultComplaintA.Id);
        await db.SaveChangesAsync();
        return message.MessageId;
    }

    private static async Task<int> DispatchAsync(TestServices services)
    {
        await using var scope = services.Scope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
    }
}
