using Kabar.Cli;

return KabarCommand.Run(args, Console.Out, Console.Error);
