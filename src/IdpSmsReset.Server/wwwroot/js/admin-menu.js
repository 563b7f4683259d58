// The dashboard's menu on a narrow screen: closed until its button opens it. Without this script the menu stays open,
// so nothing is out of reach; the class on <html> is what lets the stylesheet close it.
(() => {
    const button = document.querySelector('.menu-toggle');
    const menu = document.getElementById('admin-nav');
    if (!button || !menu) {
        return;
    }

    document.documentElement.classList.add('menu-ready');
    button.addEventListener('click', () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        menu.classList.toggle('open', open);
    });
})();
