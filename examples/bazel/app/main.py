import sys

from lib import util


def main():
    print(f"home")
    print(util.home())


if __name__ == "__main__":
    main()
