using Visitation.ErrorQueue;

// error-queue list                       every _error queue, its messages and their faults
// error-queue replay QUEUE [ID ...]      moves all (or the listed message ids) back to their queue
// Broker: VISITATION_RABBITMQ and VISITATION_RABBITMQ_MANAGEMENT (deploy/local/infra.sh env dev prints them).
var amqp = Environment.GetEnvironmentVariable("VISITATION_RABBITMQ");
var management = Environment.GetEnvironmentVariable("VISITATION_RABBITMQ_MANAGEMENT");
if (amqp is null || management is null || args.Length == 0 || args[0] is not ("list" or "replay") || (args[0] == "replay" && args.Length < 2))
{
    Console.Error.WriteLine("usage: error-queue list | error-queue replay QUEUE_error [MESSAGE_ID ...]");
    Console.Error.WriteLine("needs VISITATION_RABBITMQ and VISITATION_RABBITMQ_MANAGEMENT");
    return 2;
}

var queues = new ErrorQueues(new Uri(amqp), new Uri(management));
if (args[0] == "list")
{
    foreach (var queue in await queues.ListQueuesAsync())
    {
        Console.WriteLine($"{queue.Name}: {queue.Messages} message(s)");
        foreach (var message in await queues.PeekAsync(queue.Name))
        {
            Console.WriteLine($"  {message.MessageId}  {message.MessageType}  {message.FaultedAt}");
            Console.WriteLine($"    {message.ExceptionType}: {message.FaultMessage}");
        }
    }

    return 0;
}

var chosen = args.Skip(2).ToHashSet(StringComparer.OrdinalIgnoreCase);
var moved = await queues.ReplayAsync(args[1], m => chosen.Count == 0 || chosen.Contains(m.MessageId));
Console.WriteLine($"moved {moved} message(s) from {args[1]} back to {args[1][..^ErrorQueues.Suffix.Length]}");
return 0;
