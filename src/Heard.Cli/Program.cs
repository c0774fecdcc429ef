Console.WriteLine("heard");
