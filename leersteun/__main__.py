from leersteun.cli import main

main()
