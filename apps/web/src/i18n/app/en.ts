import type { appKo } from './ko';

/** The app shell: navigation, pages, error screens and shared messages (English). */
export const appEn: typeof appKo = {
  app: {
    loading: 'Loading…',
    name: 'OrGo',
    skipToContent: 'Skip to content',
    tagline: 'A real-time community for learning backend development together',
  },
  comingSoon: {
    back: 'Back to the feed',
    title: 'Coming soon',
  },
  errorPage: {
    description: 'Something went wrong while showing this page.',
    reload: 'Reload',
    title: 'Something went wrong',
  },
  errors: {
    network: 'Cannot reach the server. Check your network.',
    retryAfter: 'Try again in {seconds} seconds.',
    unknown: 'Something went wrong.',
  },
  home: {
    allChats: 'All chats',
    chats: 'My chats',
    haveAccount: 'I already have an account',
    join: 'Get started with OrGo',
    morePeople: 'Find more people',
    myProfile: 'Go to my profile',
    noChats: 'No chats yet. Start one with "Send a message" on the profile of someone you follow.',
    title: 'Home',
    welcome: {
      description: 'Two quick steps and you are ready. You can skip them at any time.',
      done: 'Get started',
      people: '2. Pick people to follow',
      photo: '1. Add a profile photo',
      title: 'Welcome to OrGo',
    },
  },
  language: {
    en: 'English',
    ko: '한국어',
    label: 'Language',
  },
  nav: {
    account: 'Account',
    chat: 'Chat',
    feed: 'Feed',
    label: 'Main menu',
    login: 'Log in',
    logout: 'Log out',
    menu: 'Menu',
    notifications: 'Notifications',
    people: 'People',
    profile: 'Profile',
    search: 'Search',
    sessions: 'Sessions',
    signup: 'Sign up',
    studies: 'Studies',
    user: '{nickname}',
  },
  notFound: {
    description: 'The address changed or the page does not exist.',
    home: 'Go to the feed',
    title: 'Page not found',
  },
  pages: {
    feed: 'A feed for questions, retrospectives and study notes, with comments and likes, will open here.',
    notifications: 'An inbox gathering comments, likes and study news in real time will open here.',
    search: 'One search for posts, studies and people will open here.',
    studies: 'A place to create and join studies and time focus sessions together will open here.',
  },
};
