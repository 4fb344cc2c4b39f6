from akhbar.cli.main import main

main()
